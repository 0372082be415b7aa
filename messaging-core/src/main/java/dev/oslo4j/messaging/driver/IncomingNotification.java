package dev.oslo4j.messaging.driver;

import dev.oslo4j.messaging.wire.ReceivedNotification;

/**
 * A notification delivered by a driver, not yet acknowledged. Settle it exactly once, from any thread, after
 * processing: {@link #ack()} (handled), {@link #requeue()} (redeliver, possibly to another listener), or
 * {@link #reject()} (drop). Duplicates of recently acknowledged notifications (same {@code _unique_id}, 16 per
 * listener as in oslo) are acknowledged and dropped by the driver before reaching the handler.
 */
public interface IncomingNotification {

    ReceivedNotification message();

    /** The address it arrived on (exchange as declared, topic and priority from the routing key). */
    NotificationAddress address();

    /** The delivery's string-valued AMQP headers (trace propagation fields); empty when none. */
    default java.util.Map<String, String> headers() {
        return java.util.Map.of();
    }

    void ack();

    void requeue();

    void reject();
}
