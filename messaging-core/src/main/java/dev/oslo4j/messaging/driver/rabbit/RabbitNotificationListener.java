package dev.oslo4j.messaging.driver.rabbit;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import dev.oslo4j.messaging.driver.IncomingNotification;
import dev.oslo4j.messaging.driver.NotificationAddress;
import dev.oslo4j.messaging.driver.NotificationHandler;
import dev.oslo4j.messaging.wire.MalformedMessage;
import dev.oslo4j.messaging.wire.NotificationMessages;
import dev.oslo4j.messaging.wire.ReceivedNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A notification listener's consumer (docs/wire-protocol.md §9.5, §9.7): declares and binds {@code <topic>.<priority>} queues
 * (or one queue named after the pool, bound with every key), consumes with manual acknowledgement, and hands
 * each notification to the handler unsettled: the consumer acks, requeues or rejects after processing
 * (at-least-once). Duplicates of the last 16 acknowledged {@code _unique_id}s are acked and dropped.
 */
final class RabbitNotificationListener extends ConsumerChannel {

    private static final Logger LOG = LoggerFactory.getLogger(RabbitNotificationListener.class);
    /** Longest time an acknowledgement waits to be coalesced with others (oslo's own acks lag up to ~5 s). */
    private static final long ACK_DELAY_MS = 20;

    private final List<NotificationAddress> addresses;
    private final String pool;
    private final Topology topology;
    private final int prefetch;
    private final NotificationHandler handler;
    private final UniqueIdCache acked = new UniqueIdCache();
    private final LostAcks lostAcks;
    /** Acks of the current channel's deliveries (replaced with the channel). */
    private volatile AckCoalescer acks;

    RabbitNotificationListener(ConnectionSupervisor supervisor, ScheduledExecutorService timer,
                               List<NotificationAddress> addresses, String pool, Topology topology, int prefetch,
                               NotificationHandler handler) {
        super(supervisor, timer);
        this.addresses = List.copyOf(addresses);
        this.pool = pool;
        this.topology = topology;
        this.prefetch = prefetch;
        this.lostAcks = new LostAcks(prefetch > 0 ? prefetch : 65_536);
        this.handler = handler;
    }

    @Override
    protected void declare(Declarer d) throws IOException {
        for (NotificationAddress a : addresses) {
            d.queue(topology.exchangeOf(a.exchange()), Topology.TOPIC, topology.durable(), topology.autoDelete(),
                    queueOf(a), topology.durable(), topology.autoDelete(), topology.sharedQueueArgs(), a.routingKey());
        }
    }

    private String queueOf(NotificationAddress a) {
        return pool != null ? pool : a.routingKey();
    }

    @Override
    protected List<String> consume(Channel ch) throws IOException {
        Set<String> queues = new LinkedHashSet<>();
        for (NotificationAddress a : addresses) {
            queues.add(queueOf(a));
        }
        if (prefetch > 0) {
            ch.basicQos(prefetch);
        }
        lostAcks.channelOpened();
        acks = new AckCoalescer(ch, prefetch, ACK_DELAY_MS, timer);
        Consumer consumer = new Consumer(ch, acks);
        List<String> tags = new ArrayList<>();
        for (String q : queues) {
            tags.add(ch.basicConsume(q, false, "", false, false, topology.consumerArgs(), consumer));
        }
        return tags;
    }

    /** Sends pending acknowledgements before the channel goes. */
    @Override
    public synchronized void close() {
        AckCoalescer a = acks;
        if (a != null) {
            a.flushAll();
        }
        super.close();
    }

    @Override
    protected String describe() {
        return "notification listener " + addresses + (pool == null ? "" : " pool " + pool);
    }

    private final class Consumer extends DefaultConsumer {
        private final AckCoalescer acks;

        Consumer(Channel ch, AckCoalescer acks) {
            super(ch);
            this.acks = acks;
        }

        @Override
        public void handleDelivery(String tag, Envelope env, AMQP.BasicProperties props, byte[] body) throws IOException {
            acks.delivered(env.getDeliveryTag());
            ReceivedNotification n;
            try {
                JsonNode inner = InboundDecoder.decode(props, body);
                n = NotificationMessages.decode(inner);
            } catch (MalformedMessage e) {
                InboundDecoder.logRejected(LOG, pool != null ? pool : env.getRoutingKey(), env, body.length,
                        e.getMessage());
                acks.reject(env.getDeliveryTag(), false);
                return;
            }
            if (acked.contains(n.uniqueId()) || lostAcks.alreadyProcessed(n.uniqueId())) {
                LOG.debug("{}: dropped duplicate notification {}", describe(), n.uniqueId());
                acks.ack(env.getDeliveryTag());
                return;
            }
            Delivery d = new Delivery(acks, env, n, props);
            try {
                handler.onNotification(d);
            } catch (RuntimeException e) {
                LOG.error("{}: notification handler failed: {}; requeueing", describe(), e.toString(), e);
                d.requeue();
            }
        }

        @Override
        public void handleCancel(String consumerTag) {
            consumerCancelled(consumerTag);
        }
    }

    private final class Delivery implements IncomingNotification {
        private final AckCoalescer acks;
        private final Envelope env;
        private final ReceivedNotification message;
        private final AtomicBoolean settled = new AtomicBoolean();
        private final AMQP.BasicProperties props;

        Delivery(AckCoalescer acks, Envelope env, ReceivedNotification message, AMQP.BasicProperties props) {
            this.acks = acks;
            this.env = env;
            this.message = message;
            this.props = props;
        }

        @Override
        public java.util.Map<String, String> headers() {
            return AmqpProperties.stringHeaders(props);
        }

        @Override
        public ReceivedNotification message() {
            return message;
        }

        @Override
        public NotificationAddress address() {
            String key = env.getRoutingKey();
            int dot = key.lastIndexOf('.');
            return new NotificationAddress(env.getExchange(), dot < 0 ? key : key.substring(0, dot),
                    dot < 0 ? "" : key.substring(dot + 1));
        }

        @Override
        public void ack() {
            if (settle("ack")) {
                acked.add(message.uniqueId());
                lostAcks.acked(message.uniqueId());
            }
        }

        @Override
        public void requeue() {
            settle("requeue");
        }

        @Override
        public void reject() {
            settle("reject");
        }

        private boolean settle(String how) {
            if (!settled.compareAndSet(false, true)) {
                throw new IllegalStateException("notification " + message.messageId() + " was already settled");
            }
            try {
                switch (how) {
                    case "ack" -> acks.ack(env.getDeliveryTag());
                    case "requeue" -> acks.reject(env.getDeliveryTag(), true);
                    default -> acks.reject(env.getDeliveryTag(), false);
                }
                return true;
            } catch (IOException | RuntimeException e) {
                // the channel is gone: the broker redelivers the message to the next consumer
                LOG.debug("{}: could not {} notification {} (channel lost; it will be redelivered): {}",
                        describe(), how, message.messageId(), e.toString());
                return false;
            }
        }
    }
}
