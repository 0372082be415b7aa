package dev.oslo4j.conformance.python;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A notification a Python listener's endpoint received.
 *
 * @param priority    the endpoint method's priority name (lower case, e.g. "warn")
 * @param publisherId the publisher id
 * @param eventType   the event type
 * @param payload     the payload
 * @param metadata    {"message_id", "timestamp"}
 * @param context     the context dict oslo rebuilt from the {@code _context_*} keys
 * @param result      what the endpoint answered: handled, requeue or raise
 * @param attempt     how many times this listener process has seen this message_id
 */
public record ReceivedNotification(String priority, String publisherId, String eventType, JsonNode payload,
                                   JsonNode metadata, JsonNode context, String result, int attempt) {

    static ReceivedNotification of(JsonNode event) {
        return new ReceivedNotification(event.path("priority").asText(),
                ReceivedRequest.nullableText(event.get("publisher_id")), event.path("event_type").asText(),
                event.path("payload"), event.path("metadata"), event.path("context"), event.path("result").asText(),
                event.path("attempt").asInt());
    }

    /** The notification's message_id (with dashes). */
    public String messageId() {
        return metadata.path("message_id").asText();
    }
}
