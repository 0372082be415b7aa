package dev.oslo4j.messaging.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oslo4j.messaging.Notification;
import dev.oslo4j.messaging.NotificationMetadata;
import dev.oslo4j.messaging.Priority;
import dev.oslo4j.messaging.RequestContext;
import dev.oslo4j.messaging.wire.ReceivedNotification;
import dev.oslo4j.messaging.wire.RpcMessages;

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
        ObjectNode ctx = m.context().deepCopy();
        JsonNode timeout = m.message().get(RpcMessages.TIMEOUT);
        ctx.set("client_timeout", timeout == null ? NullNode.instance : timeout);
        return new Notification(priority, m.publisherId(), m.eventType(), m.payload(), RequestContext.fromJson(ctx),
                new NotificationMetadata(m.messageId(), m.timestamp()));
    }

    /** For log lines: which notification, without its payload. */
    static String describe(ReceivedNotification m) {
        return "notification " + m.messageId() + " (event_type " + m.eventType() + ", publisher_id "
                + m.publisherId() + ", priority " + m.priority() + ")";
    }
}
