package dev.oslo4j.messaging.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A decoded notification (v1 bare or v2 enveloped). String fields are null when absent or not strings.
 *
 * @param messageId   {@code message_id}
 * @param publisherId {@code publisher_id}
 * @param eventType   {@code event_type}
 * @param priority    {@code priority} as sent (normally upper case)
 * @param payload     {@code payload} (a null node when absent)
 * @param timestamp   {@code timestamp} as sent
 * @param context     the {@code _context_*} fields, prefix stripped (may be empty: HEAD sends none)
 * @param uniqueId    {@code _unique_id}, or null
 * @param message     the whole inner message, for consumers that need more
 */
public record ReceivedNotification(String messageId, String publisherId, String eventType, String priority,
                                   JsonNode payload, String timestamp, ObjectNode context, String uniqueId,
                                   ObjectNode message) {
}
