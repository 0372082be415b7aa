package dev.oslo4j.messaging.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oslo4j.messaging.JacksonSerializer;
import dev.oslo4j.messaging.Notification;
import dev.oslo4j.messaging.NotificationMetadata;
import dev.oslo4j.messaging.Priority;
import dev.oslo4j.messaging.RequestContext;
import dev.oslo4j.messaging.Serializer;
import dev.oslo4j.messaging.wire.Json;
import dev.oslo4j.messaging.wire.ReceivedNotification;
import dev.oslo4j.messaging.wire.RpcMessages;

import java.util.LinkedHashMap;
import java.util.Map;

/** Turns a received notification into what endpoints see. */
public final class Notifications {

    private Notifications() {
    }

    /**
     * The endpoint view of {@code m}: the context as Python's listener rebuilds it (with the synthetic
     * {@code client_timeout}, from {@code _timeout} — normally absent, so null), metadata
     * {@code message_id}/{@code timestamp}.
     */
    public static Notification of(ReceivedNotification m, Priority priority) {
        return of(m, priority, JacksonSerializer.defaults());
    }

    /** As {@link #of(ReceivedNotification, Priority)}, the context passed through {@code serializer}. */
    public static Notification of(ReceivedNotification m, Priority priority, Serializer serializer) {
        @SuppressWarnings("unchecked")
        Map<String, Object> ctx = Json.mapper().convertValue(m.context(), LinkedHashMap.class);
        JsonNode timeout = m.message().get(RpcMessages.TIMEOUT);
        ctx.put("client_timeout", timeout == null || timeout.isNull() ? null
                : Json.mapper().convertValue(timeout, Object.class));
        return new Notification(priority, m.publisherId(), m.eventType(), m.payload(),
                serializer.deserializeContext(RequestContext.of(ctx)),
                new NotificationMetadata(m.messageId(), m.timestamp()));
    }

    /** For log lines: which notification, without its payload. */
    static String describe(ReceivedNotification m) {
        return "notification " + m.messageId() + " (event_type " + m.eventType() + ", publisher_id "
                + m.publisherId() + ", priority " + m.priority() + ")";
    }
}
