package dev.oslo4j.messaging.driver;

import dev.oslo4j.messaging.wire.Failure;
import dev.oslo4j.messaging.wire.ReceivedRequest;

/**
 * An RPC request delivered by a driver, already acknowledged and de-duplicated. For calls, exactly one of
 * {@link #reply} / {@link #replyFailure} must eventually be invoked; for casts both are no-ops (casts are never
 * answered). Replies are sent asynchronously (to the default exchange, {@code mandatory}, retried while the
 * reply queue is missing, per {@code kombu_missing_consumer_retry_timeout}); failures to deliver them are logged.
 */
public interface IncomingRequest {

    ReceivedRequest message();

    /** Sends the final reply {@code {"result": result, "failure": null, "ending": true}}. */
    void reply(Object result);

    /** Sends the final failure reply. */
    void replyFailure(Failure failure);

    /** Sends one call-monitor heartbeat ({@code ending: false}); no-op for casts. */
    void heartbeat();

    /** The delivery's string-valued AMQP headers (trace propagation fields); empty when none. */
    default java.util.Map<String, String> headers() {
        return java.util.Map.of();
    }

    /** Whether it arrived through the topic's fanout exchange (a fanout cast). */
    default boolean fanout() {
        return false;
    }
}
