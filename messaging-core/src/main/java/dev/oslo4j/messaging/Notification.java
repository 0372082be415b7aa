package dev.oslo4j.messaging;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.oslo4j.messaging.wire.Json;

import java.util.Objects;

/**
 * One notification as an endpoint or a test sees it: what a batch endpoint receives per message (oslo's
 * {@code {"ctxt", "publisher_id", "event_type", "payload", "metadata"}} dict, plus the priority), what the
 * {@code test} notifier driver records, and what single-message endpoints may take as their only parameter.
 *
 * @param priority    the priority
 * @param publisherId {@code publisher_id} (may be null)
 * @param eventType   {@code event_type} (may be null when a foreign sender omitted it)
 * @param payload     {@code payload} as JSON (a null node when absent)
 * @param context     the context (on a listener it contains Python's synthetic {@code client_timeout: null})
 * @param metadata    {@code message_id} and {@code timestamp}
 */
public record Notification(Priority priority, String publisherId, String eventType, JsonNode payload,
                           RequestContext context, NotificationMetadata metadata) {

    public Notification {
        Objects.requireNonNull(priority, "priority");
        payload = payload == null ? NullNode.instance : payload;
        context = context == null ? RequestContext.empty() : context;
        Objects.requireNonNull(metadata, "metadata");
    }

    /**
     * The payload converted by Jackson to {@code type}.
     *
     * @throws IllegalArgumentException when it does not convert
     */
    public <T> T payloadAs(Class<T> type) {
        return Json.mapper().convertValue(payload, type);
    }

    /** The payload converted by Jackson to a generic type. */
    public <T> T payloadAs(TypeReference<T> type) {
        return Json.mapper().convertValue(payload, type);
    }
}
