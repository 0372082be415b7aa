package dev.oslo4j.messaging.driver.rabbit;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import dev.oslo4j.messaging.driver.RpcAddress;
import dev.oslo4j.messaging.driver.RpcHandler;
import dev.oslo4j.messaging.wire.MalformedMessage;
import dev.oslo4j.messaging.wire.ReceivedRequest;
import dev.oslo4j.messaging.wire.RpcMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

/**
 * An RPC server's consumer (docs/wire-protocol.md §4.1–4.4, §5.5): one channel consuming {@code <topic>}, {@code <topic>.<server>}
 * and its fanout queue — its own {@code <topic>_fanout_<hex32>} (or queue-manager name), or with
 * {@code rabbit_stream_fanout} the shared stream {@code <topic>_fanout}; requests are acknowledged on receipt
 * (before dispatch, as oslo), de-duplicated by {@code _unique_id} (last 16, and {@link LostAcks} around a lost
 * connection), and handed to the handler; malformed ones are logged and rejected without requeue. A per-server fanout queue with a random name is deleted on
 * {@link #close()}.
 *
 * <p>Stream fanout (16.x): consumption starts at {@code last}; the {@code x-stream-offset} header of each delivery
 * is remembered, so that after a reconnection consumption resumes at the next offset (nothing missed, nothing
 * twice), and after a {@code basic.cancel} from the broker (the stream may have been deleted) at {@code last}.
 */
final class RabbitRpcListener extends ConsumerChannel {

    private static final Logger LOG = LoggerFactory.getLogger(RabbitRpcListener.class);

    private final RpcAddress target;
    private final Topology topology;
    private final int prefetch;
    private final RpcHandler handler;
    private final ReplySender replies;
    private final String fanoutQueue;
    private final String fanoutExchange;
    private final UniqueIdCache seen = new UniqueIdCache();
    private final LostAcks lostAcks;
    /** Where the stream consumer starts next: "last" or the offset after the last delivery (a Long). */
    private volatile Object nextStreamOffset = Topology.STREAM_START;

    RabbitRpcListener(ConnectionSupervisor supervisor, ScheduledExecutorService timer, RpcAddress target,
                      Topology topology, int prefetch, RpcHandler handler, ReplySender replies) {
        super(supervisor, timer);
        this.target = target;
        this.topology = topology;
        this.prefetch = prefetch;
        this.handler = handler;
        this.replies = replies;
        this.fanoutQueue = topology.newFanoutQueue(target.topic());
        this.lostAcks = new LostAcks(prefetch);
        this.fanoutExchange = Topology.fanoutExchange(target.topic());
    }

    @Override
    protected void declare(Declarer d) throws IOException {
        String exchange = topology.exchangeOf(target);
        String topic = target.topic();
        String serverQueue = Topology.serverQueue(target);
        for (String queue : List.of(topic, serverQueue)) {
            d.queue(exchange, Topology.TOPIC, topology.durable(), topology.autoDelete(), queue, topology.durable(),
                    topology.autoDelete(), topology.sharedQueueArgs(), queue);
        }
        d.queue(Topology.fanoutExchange(topic), Topology.FANOUT, topology.transientDurable(), true, fanoutQueue,
                topology.fanoutQueueDurable(), false, topology.fanoutQueueArgs(), topic);
    }

    @Override
    protected List<String> consume(Channel ch) throws IOException {
        if (prefetch > 0) {
            ch.basicQos(prefetch);
        }
        lostAcks.channelOpened();
        Consumer consumer = new Consumer(ch, false);
        Map<String, Object> fanoutArgs = topology.streamFanout()
                ? Topology.streamConsumerArgs(nextStreamOffset) : topology.consumerArgs();
        return List.of(
                ch.basicConsume(target.topic(), false, "", false, false, topology.consumerArgs(), consumer),
                ch.basicConsume(Topology.serverQueue(target), false, "", false, false, topology.consumerArgs(),
                        consumer),
                ch.basicConsume(fanoutQueue, false, "", false, false, fanoutArgs,
                        new Consumer(ch, topology.streamFanout())));
    }

    @Override
    protected void deleteOwnQueues(Channel ch) throws IOException {
        if (topology.deletesFanoutQueueOnClose()) {
            ch.queueDelete(fanoutQueue);
        }
    }

    @Override
    protected String describe() {
        return "RPC server " + target;
    }

    String fanoutQueue() {
        return fanoutQueue;
    }

    /** The next offset of the stream fanout consumer; "last" until the first delivery (for tests). */
    Object nextStreamOffset() {
        return nextStreamOffset;
    }

    private final class Consumer extends DefaultConsumer {
        private final boolean stream;

        Consumer(Channel ch, boolean stream) {
            super(ch);
            this.stream = stream;
        }

        @Override
        public void handleDelivery(String tag, Envelope env, AMQP.BasicProperties props, byte[] body) throws IOException {
            if (stream) {
                Object offset = props.getHeaders() == null ? null : props.getHeaders().get("x-stream-offset");
                if (offset instanceof Number n) {
                    nextStreamOffset = n.longValue() + 1;
                }
            }
            ReceivedRequest request;
            try {
                JsonNode inner = InboundDecoder.decode(props, body);
                request = RpcMessages.decode(inner);
            } catch (MalformedMessage e) {
                InboundDecoder.logRejected(LOG, queueOf(env), env, body.length, e.getMessage());
                getChannel().basicReject(env.getDeliveryTag(), false);
                return;
            }
            getChannel().basicAck(env.getDeliveryTag(), false);
            if (lostAcks.alreadyProcessed(request.uniqueId())) {
                LOG.debug("{}: dropped duplicate request {} (already processed around a lost connection)",
                        describe(), request.uniqueId());
                return;
            }
            lostAcks.acked(request.uniqueId());
            if (!seen.add(request.uniqueId())) {
                LOG.debug("{}: dropped duplicate request {}", describe(), request.uniqueId());
                return;
            }
            try {
                handler.onRequest(new RabbitIncomingRequest(request, replies, props,
                        fanoutExchange.equals(env.getExchange())));
            } catch (RuntimeException e) {
                LOG.error("{}: request handler failed: {}", describe(), e.toString(), e);
            }
        }

        @Override
        public void handleCancel(String consumerTag) {
            if (topology.streamFanout()) {
                LOG.warn("{}: basic.cancel received; the stream fanout consumer restarts at '{}' (was at {})",
                        describe(), Topology.STREAM_START, nextStreamOffset);
                nextStreamOffset = Topology.STREAM_START;
            }
            consumerCancelled(consumerTag);
        }

        private String queueOf(Envelope env) {
            return fanoutExchange.equals(env.getExchange()) ? fanoutQueue : env.getRoutingKey();
        }
    }
}
