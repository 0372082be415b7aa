package dev.oslo4j.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oslo4j.messaging.Priority;

import java.time.Instant;
import java.util.Objects;

/**
 * A notification as a notifier published it (docs/wire-protocol.md §9.1–9.2), {@code messagingv2} (enveloped) or
 * {@code messaging} (v1, bare).
 *
 * @param sequence     position in the test's recording (1-based)
 * @param exchange     the exchange (the notifier's control exchange)
 * @param routingKey   {@code <topic>.<priority>}, e.g. {@code notifications.info}
 * @param topic        the routing key without its priority suffix, e.g. {@code notifications}
 * @param priority     the priority, or null when the {@code priority} field is not one oslo knows
 * @param priorityText the {@code priority} field as sent, e.g. {@code "INFO"}
 * @param eventType    {@code event_type}
 * @param publisherId  {@code publisher_id} (may be null)
 * @param payload      {@code payload} (a null node when absent)
 * @param context      the {@code _context_*} fields, prefix stripped
 * @param messageId    {@code message_id}
 * @param timestamp    {@code timestamp} as sent, in Python's format
 * @param enveloped    true for {@code messagingv2}, false for v1 {@code messaging}
 * @param unroutable   whether no queue received it
 * @param publishedAt  when it was recorded
 * @param body         the raw body
 */
public record RecordedNotification(int sequence, String exchange, String routingKey, String topic, Priority priority,
                                   String priorityText, String eventType, String publisherId, JsonNode payload,
                                   ObjectNode context, String messageId, String timestamp, boolean enveloped,
                                   boolean unroutable, Instant publishedAt, String body) implements RecordedMessage {

    public RecordedNotification {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(context, "context");
    }

    /** The {@code payload} (a copy: records stay as recorded). */
    @Override
    public JsonNode payload() {
        return payload.deepCopy();
    }

    /** The context (a copy). */
    @Override
    public ObjectNode context() {
        return context.deepCopy();
    }
}
