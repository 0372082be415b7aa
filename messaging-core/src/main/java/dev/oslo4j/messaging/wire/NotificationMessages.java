package dev.oslo4j.messaging.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Codec of notifications (docs/wire-protocol.md §9.1–9.2): keys {@code message_id}, {@code publisher_id}, {@code event_type},
 * {@code priority}, {@code payload}, {@code timestamp}, {@code _unique_id}, then {@code _context_*}; the
 * {@code messagingv2} driver wraps them in the 2.0 envelope, {@code messaging} (v1) sends them bare.
 */
public final class NotificationMessages {

    private NotificationMessages() {
    }

    /**
     * Encodes a notification.
     *
     * @param enveloped true for {@code messagingv2}, false for {@code messaging} (v1)
     */
    public static byte[] encode(NotificationMessage n, String uniqueId, boolean enveloped) {
        InnerWriter.Body body = g -> {
            g.writeStringField("message_id", n.messageId());
            g.writeFieldName("publisher_id");
            if (n.publisherId() == null) {
                g.writeNull();
            } else {
                g.writeString(n.publisherId());
            }
            g.writeStringField("event_type", n.eventType());
            g.writeStringField("priority", n.priority());
            g.writeFieldName("payload");
            g.writeObject(n.payload());
            g.writeStringField("timestamp", n.timestamp());
            g.writeStringField(RpcMessages.UNIQUE_ID, uniqueId);
            ContextCodec.write(g, n.context());
        };
        return enveloped ? InnerWriter.enveloped(body) : InnerWriter.bare(body);
    }

    /**
     * Decodes an inner notification (already unwrapped, see {@link Envelope#unwrap}).
     *
     * @throws MalformedMessage when it is not a JSON object
     */
    public static ReceivedNotification decode(JsonNode inner) throws MalformedMessage {
        if (!(inner instanceof ObjectNode m)) {
            throw new MalformedMessage("notification is not a JSON object but " + RpcMessages.describe(inner));
        }
        JsonNode payload = m.get("payload");
        return new ReceivedNotification(RpcMessages.text(m, "message_id"), RpcMessages.text(m, "publisher_id"),
                RpcMessages.text(m, "event_type"), RpcMessages.text(m, "priority"),
                payload == null ? NullNode.instance : payload, RpcMessages.text(m, "timestamp"),
                ContextCodec.read(m), RpcMessages.text(m, RpcMessages.UNIQUE_ID), m);
    }
}
