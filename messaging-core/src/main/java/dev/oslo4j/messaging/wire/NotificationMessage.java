package dev.oslo4j.messaging.wire;

import java.util.Map;
import java.util.Objects;

/**
 * A notification to send (docs/wire-protocol.md §9.1), before the driver adds {@code _unique_id} and flattens the context.
 *
 * @param messageId   {@code uuid36}
 * @param publisherId e.g. {@code compute.host1}; may be null
 * @param eventType   e.g. {@code compute.instance.create.end}
 * @param priority    upper case as on the wire: {@code AUDIT, DEBUG, INFO, WARN, ERROR, CRITICAL, SAMPLE}
 * @param payload     any JSON-serializable value
 * @param timestamp   Python's format, see {@link Timestamps}
 * @param context     the (already sanitized) context; JSON-serializable values
 * @param headers     extra AMQP headers (trace propagation); empty for none; Python peers ignore them
 */
public record NotificationMessage(String messageId, String publisherId, String eventType, String priority,
                                  Object payload, String timestamp, Map<String, ?> context,
                                  Map<String, String> headers) {

    public NotificationMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(timestamp, "timestamp");
        context = context == null ? Map.of() : context;
        headers = headers == null ? Map.of() : headers;
    }

    /** A notification without extra headers. */
    public NotificationMessage(String messageId, String publisherId, String eventType, String priority,
                               Object payload, String timestamp, Map<String, ?> context) {
        this(messageId, publisherId, eventType, priority, payload, timestamp, context, Map.of());
    }

    /** This notification with {@code headers} as its extra AMQP headers. */
    public NotificationMessage withHeaders(Map<String, String> headers) {
        return new NotificationMessage(messageId, publisherId, eventType, priority, payload, timestamp, context,
                headers);
    }

    /** A notification stamped now with a fresh {@code message_id}. */
    public static NotificationMessage create(String publisherId, String eventType, String priority, Object payload,
                                             Map<String, ?> context) {
        return new NotificationMessage(Ids.uuid36(), publisherId, eventType, priority, payload, Timestamps.now(),
                context);
    }
}
