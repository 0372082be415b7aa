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
import java.util.concurrent.ScheduledExecutorService;

/**
 * An RPC server's consumer (spec §4.1–4.3, §5.7): one channel consuming {@code <topic>}, {@code <topic>.<server>}
 * and its own {@code <topic>_fanout_<hex32>}; requests are acknowledged on receipt (before dispatch, as oslo),
 * de-duplicated by {@code _unique_id} (last 16), and handed to the handler; malformed ones are logged and rejected
 * without requeue. The fanout queue is deleted on {@link #close()}.
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

    RabbitRpcListener(ConnectionSupervisor supervisor, ScheduledExecutorService timer, RpcAddress target,
                      Topology topology, int prefetch, RpcHandler handler, ReplySender replies) {
        super(supervisor, timer);
        this.target = target;
        this.topology = topology;
        this.prefetch = prefetch;
        this.handler = handler;
        this.replies = replies;
        this.fanoutQueue = Topology.newFanoutQueue(target.topic());
        this.fanoutExchange = Topology.fanoutExchange(target.topic());
    }

    @Override
    protected List<String> declareAndConsume(Channel ch) throws IOException {
        String exchange = topology.exchangeOf(target);
        String topic = target.topic();
        String serverQueue = Topology.serverQueue(target);
        String fanoutExchange = Topology.fanoutExchange(topic);
        ch.exchangeDeclare(exchange, Topology.TOPIC, topology.durable(), topology.autoDelete(), null);
        ch.queueDeclare(topic, topology.durable(), false, topology.autoDelete(), topology.sharedQueueArgs());
        ch.queueBind(topic, exchange, topic);
        ch.queueDeclare(serverQueue, topology.durable(), false, topology.autoDelete(), topology.sharedQueueArgs());
        ch.queueBind(serverQueue, exchange, serverQueue);
        ch.exchangeDeclare(fanoutExchange, Topology.FANOUT, false, true, null);
        ch.queueDeclare(fanoutQueue, false, false, false, topology.transientQueueArgs());
        ch.queueBind(fanoutQueue, fanoutExchange, topic);
        if (prefetch > 0) {
            ch.basicQos(prefetch);
        }
        Consumer consumer = new Consumer(ch);
        return List.of(
                ch.basicConsume(topic, false, "", false, false, topology.consumerArgs(), consumer),
                ch.basicConsume(serverQueue, false, "", false, false, topology.consumerArgs(), consumer),
                ch.basicConsume(fanoutQueue, false, "", false, false, topology.consumerArgs(), consumer));
    }

    @Override
    protected void deleteOwnQueues(Channel ch) throws IOException {
        ch.queueDelete(fanoutQueue);
    }

    @Override
    protected String describe() {
        return "RPC server " + target;
    }

    String fanoutQueue() {
        return fanoutQueue;
    }

    private final class Consumer extends DefaultConsumer {
        Consumer(Channel ch) {
            super(ch);
        }

        @Override
        public void handleDelivery(String tag, Envelope env, AMQP.BasicProperties props, byte[] body) throws IOException {
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
            consumerCancelled(consumerTag);
        }

        private String queueOf(Envelope env) {
            return fanoutExchange.equals(env.getExchange()) ? fanoutQueue : env.getRoutingKey();
        }
    }
}
