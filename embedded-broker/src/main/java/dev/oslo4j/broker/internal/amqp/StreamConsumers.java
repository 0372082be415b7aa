package dev.oslo4j.broker.internal.amqp;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.qpid.server.message.MessageInstance;
import org.apache.qpid.server.model.Consumer;
import org.apache.qpid.server.model.Queue;
import org.apache.qpid.server.protocol.v0_8.AMQChannel;
import org.apache.qpid.server.protocol.v0_8.AMQShortString;
import org.apache.qpid.server.protocol.v0_8.FieldTable;
import org.apache.qpid.server.queue.QueueEntry;

import dev.oslo4j.broker.internal.vhost.QueueDeclarations;
import dev.oslo4j.broker.internal.vhost.RabbitVirtualHost;

/**
 * One channel's consumers of stream queues ({@code x-queue-type: stream}) with RabbitMQ's rules: a
 * consumer needs a per-consumer prefetch ({@code basic.qos}, 406 otherwise) and manual acks (540), starts
 * at its {@code x-stream-offset} ({@link StreamOffset}, attached by {@link StreamEntries}) and never removes
 * what it reads (the queue was created with Broker-J's non-destructive consumers): an ack only returns
 * credit. {@code basic.reject}, {@code basic.nack}, {@code basic.get} and {@code queue.purge} are refused
 * (540), as RabbitMQ 3.10 refuses them.
 */
final class StreamConsumers {

    private final RabbitChannel rc;
    /** The per-consumer prefetch ({@code basic.qos} with {@code global=false}) new consumers get. */
    private int consumerPrefetch;

    StreamConsumers(RabbitChannel rc) {
        this.rc = rc;
    }

    static boolean isStream(RabbitVirtualHost vhost, String queue) {
        QueueDeclarations.Declared declared = vhost.rabbitState().declarations().get(queue);
        return declared != null && QueueTypes.STREAM.equals(QueueTypes.typeOf(declared.arguments()));
    }

    /** The stream entry delivered on {@code channel} with {@code tag}, or null when it is not one. */
    static QueueEntry deliveredStreamEntry(RabbitVirtualHost vhost, AMQChannel channel, long tag) {
        MessageInstance delivered = DeliveryTags.instance(channel, tag);
        return delivered instanceof QueueEntry entry && isStream(vhost, entry.getQueue().getName()) ? entry : null;
    }

    /** RabbitMQ's name for a queue in errors: {@code queue 's' in vhost 'v'}. */
    static String describe(RabbitVirtualHost vhost, String queue) {
        return "queue '" + queue + "' in vhost '" + vhost.rabbitState().clientName() + "'";
    }

    void qos(int prefetchCount, boolean global) {
        if (!global) {
            consumerPrefetch = prefetchCount;
        }
    }

    /** Handles a {@code basic.consume} of a stream; false when the queue is not one (the caller goes on). */
    boolean consume(AMQShortString queue, AMQShortString consumerTag, boolean noLocal, boolean noAck,
                    boolean exclusive, boolean nowait, FieldTable arguments) {
        RabbitVirtualHost vhost = rc.virtualHost();
        Queue<?> q = vhost == null || queue == null ? null : vhost.getChildByName(Queue.class, queue.toString());
        if (q == null || !isStream(vhost, q.getName())) {
            return false;
        }
        if (noAck) {
            rc.closeConnection(RabbitErrors.NOT_IMPLEMENTED, RabbitErrors.text(RabbitErrors.NOT_IMPLEMENTED,
                    "automatic acknowledgement not supported by stream queues " + describe(vhost, q.getName())));
            return true;
        }
        if (consumerPrefetch <= 0) {
            rc.closeChannel(RabbitErrors.PRECONDITION_FAILED, RabbitErrors.text(RabbitErrors.PRECONDITION_FAILED,
                    "consumer prefetch count is not set for '" + describe(vhost, q.getName()) + "'"));
            return true;
        }
        Map<String, Object> wire = arguments == null ? Map.of() : FieldTable.convertToMap(arguments);
        StreamOffset start;
        try {
            start = StreamOffset.parse(wire.get("x-stream-offset"), System.currentTimeMillis());
        } catch (StreamOffset.Invalid e) {
            rc.closeChannel(RabbitErrors.PRECONDITION_FAILED, RabbitErrors.text(RabbitErrors.PRECONDITION_FAILED,
                    "invalid arg 'x-stream-offset' for " + describe(vhost, q.getName()) + ": " + e.getMessage()));
            return true;
        }
        Set<Object> before = new HashSet<>(q.getChildren(Consumer.class));
        rc.channel().receiveBasicConsume(queue, consumerTag, noLocal, false, exclusive, nowait,
                RabbitChannel.ConsumeArguments.forBrokerJ(arguments));
        // Broker-J delivers on this connection's I/O thread, which is this one: the new consumer has not
        // received anything yet, so it can still be moved to its offset.
        for (Consumer<?, ?> consumer : (Iterable<Consumer<?, ?>>) (Iterable<?>) q.getChildren(Consumer.class)) {
            if (!before.contains(consumer) && consumer.getSession() == rc.channel()) {
                QueueEntry after = StreamEntries.attachPoint(q, start);
                if (after != null) {
                    StreamEntries.attach(consumer, after);
                }
                rc.connection().streamConsumerAdded();
            }
        }
        return true;
    }

    /** Refuses {@code basic.get} on a stream as RabbitMQ does; false when the queue is not one. */
    boolean refusesGet(RabbitVirtualHost vhost, Queue<?> queue) {
        if (vhost == null || queue == null || !isStream(vhost, queue.getName())) {
            return false;
        }
        rc.closeConnection(RabbitErrors.NOT_IMPLEMENTED, RabbitErrors.text(RabbitErrors.NOT_IMPLEMENTED,
                "basic.get not supported by stream queues " + describe(vhost, queue.getName())));
        return true;
    }

    /**
     * RabbitMQ 3.10 closes the connection (540) when a stream delivery is rejected or nacked; false when
     * {@code tag} is not a stream delivery.
     */
    boolean refusesRejectOrNack(long tag) {
        RabbitVirtualHost vhost = rc.virtualHost();
        if (vhost == null || !rc.connection().hasStreamConsumers()) {
            return false;
        }
        QueueEntry entry = deliveredStreamEntry(vhost, rc.channel(), tag);
        if (entry == null) {
            return false;
        }
        rc.closeConnection(RabbitErrors.NOT_IMPLEMENTED, RabbitErrors.text(RabbitErrors.NOT_IMPLEMENTED,
                "basic.nack and basic.reject not supported by stream queues " + describe(vhost, entry.getQueue().getName())));
        return true;
    }
}
