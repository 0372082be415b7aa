package dev.oslo4j.broker.internal.amqp;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import org.apache.qpid.server.message.MessageInstance;
import org.apache.qpid.server.protocol.v0_8.AMQChannel;

import dev.oslo4j.broker.internal.vhost.QueueDeclarations;
import dev.oslo4j.broker.internal.vhost.RabbitVirtualHost;

/**
 * A quorum queue's {@code x-delivery-limit}: a message returned (rejected or nacked with requeue) more
 * often than the limit is dropped, or dead-lettered, instead of requeued. With limit 0 the first return
 * drops it, with limit 1 the second, as on RabbitMQ 3.10. (Broker-J's own maximum delivery count only
 * applies to rejects without requeue, so oslo4j counts returns itself and turns an over-limit requeue into a
 * reject without requeue.) Only explicit returns count; RabbitMQ also counts messages a closed channel
 * returns.
 */
final class DeliveryLimit {

    /**
     * Returns so far per queue entry of a queue with a limit (Broker-J undoes its delivery count on every
     * requeue, so it cannot tell). Weak: an entry that is consumed or dropped is forgotten with it.
     */
    private static final Map<MessageInstance, Integer> RETURNS = Collections.synchronizedMap(new WeakHashMap<>());

    private DeliveryLimit() {
    }

    /** Counts a requeue of the message delivered with {@code tag}; true when it must be dropped instead. */
    static boolean exceeded(RabbitVirtualHost vhost, AMQChannel channel, long tag) {
        if (vhost == null) {
            return false;
        }
        MessageInstance delivered = DeliveryTags.instance(channel, tag);
        if (delivered == null || delivered.getOwningResource() == null) {
            return false;
        }
        QueueDeclarations.Declared declared = vhost.rabbitState().declarations()
                .get(delivered.getOwningResource().getName());
        if (declared == null || !QueueTypes.QUORUM.equals(QueueTypes.typeOf(declared.arguments()))) {
            return false;
        }
        Object limit = declared.arguments().get("x-delivery-limit");
        if (!(limit instanceof Long || limit instanceof Integer || limit instanceof Short || limit instanceof Byte)) {
            return false;
        }
        int returns = RETURNS.merge(delivered, 1, Integer::sum);
        if (returns > ((Number) limit).longValue()) {
            RETURNS.remove(delivered);
            return true;
        }
        return false;
    }
}
