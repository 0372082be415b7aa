package dev.oslo4j.cli.tap;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oslo4j.messaging.wire.Compression;
import dev.oslo4j.messaging.wire.Envelope;
import dev.oslo4j.messaging.wire.MalformedMessage;
import dev.oslo4j.messaging.wire.NotificationMessages;
import dev.oslo4j.messaging.wire.ReceivedNotification;
import dev.oslo4j.messaging.wire.ReceivedReply;
import dev.oslo4j.messaging.wire.ReceivedRequest;
import dev.oslo4j.messaging.wire.ReplyMessages;
import dev.oslo4j.messaging.wire.RpcMessages;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns one published oslo message into one tap event (an ordered map: JSON as is, or a text line), decoding
 * with messaging-core's wire codecs, and pairs each reply with its call by {@code _msg_id}. Not thread-safe: the
 * tap consumes on one thread.
 */
final class TapDecoder {
    private static final String FANOUT_SUFFIX = "_fanout";
    /** Calls remembered for pairing; beyond this the oldest are forgotten (their replies print unpaired). */
    private static final int MAX_PENDING = 10_000;

    private final String exchange;
    private final TopicPattern pattern;
    private final boolean everyTopic;
    private final Map<String, PendingCall> pending = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PendingCall> eldest) {
            return size() > MAX_PENDING;
        }
    };

    private record PendingCall(String method, String topic, long publishedNanos) {
    }

    TapDecoder(String exchange, String topicPattern) {
        this.exchange = exchange;
        this.pattern = new TopicPattern(topicPattern);
        this.everyTopic = topicPattern.equals("#");
    }

    /**
     * The event for a message published to {@code exchangeName} with {@code routingKey}, or null when it is not
     * in view (another exchange or topic, a call-monitor heartbeat, a reply to a call not shown).
     */
    Map<String, Object> decode(String exchangeName, String routingKey, Object compression, byte[] body,
            long publishedNanos) {
        boolean fanout = exchangeName.endsWith(FANOUT_SUFFIX);
        // Replies go through the default exchange to reply_* queues; other default-exchange traffic is not oslo's.
        boolean reply = exchangeName.isEmpty() ? routingKey.startsWith("reply_") : exchangeName.startsWith("reply_");
        if (exchangeName.isEmpty() && !reply) {
            return null;
        }
        String topic = fanout ? exchangeName.substring(0, exchangeName.length() - FANOUT_SUFFIX.length()) : routingKey;
        if (!reply && !pattern.matches(topic) || !fanout && !reply && !exchangeName.equals(exchange)) {
            return null;
        }
        JsonNode inner;
        try {
            byte[] raw = compression == null ? body : Compression.decompress(compression.toString(), body);
            inner = Envelope.unwrap(raw);
        } catch (MalformedMessage | RuntimeException e) {
            return reply && !everyTopic ? null : malformed(exchangeName, routingKey, e.getMessage());
        }
        try {
            if (inner.has("event_type") && inner.has("priority")) {
                return fanout || reply ? null : notification(topic, NotificationMessages.decode(inner));
            }
            if (inner.has("method")) {
                return request(fanout, exchangeName, topic, RpcMessages.decode(inner), publishedNanos);
            }
            if (reply && inner.has(RpcMessages.MSG_ID)) {
                return reply(routingKey, ReplyMessages.decode(inner), publishedNanos);
            }
            return malformed(exchangeName, routingKey, "neither an RPC request, a reply nor a notification");
        } catch (MalformedMessage | RuntimeException e) {
            // A message the codecs reject is shown as such; it never stops the tap.
            return malformed(exchangeName, routingKey, e.getMessage());
        }
    }

    private Map<String, Object> request(boolean fanout, String exchangeName, String topic, ReceivedRequest r,
            long publishedNanos) {
        Map<String, Object> event = new LinkedHashMap<>();
        String kind = r.isCall() ? "call" : fanout ? "fanout" : "cast";
        event.put("kind", kind);
        event.put("exchange", exchangeName);
        event.put("topic", topic);
        event.put("method", r.methodName());
        event.put("args", r.args());
        if (r.namespace() != null && !r.namespace().isNull()) {
            event.put("namespace", r.namespace());
        }
        if (r.version() != null && !r.version().isNull()) {
            event.put("version", r.version());
        }
        if (r.isCall()) {
            event.put("msg_id", r.msgId());
            event.put("reply_q", r.replyQueue());
            pending.put(r.msgId(), new PendingCall(r.methodName(), topic, publishedNanos));
        }
        event.put("context", r.context());
        return event;
    }

    private Map<String, Object> reply(String replyQueue, ReceivedReply r, long publishedNanos) {
        if (r.isHeartbeat()) {
            return null;
        }
        PendingCall call = r.msgId() == null ? null : pending.remove(r.msgId());
        if (call == null && !everyTopic) {
            return null;
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("kind", "reply");
        event.put("msg_id", r.msgId());
        event.put("reply_q", replyQueue);
        event.put("method", call == null ? null : call.method());
        event.put("topic", call == null ? null : call.topic());
        event.put("round_trip_ms", call == null ? null
                : Math.round((publishedNanos - call.publishedNanos()) / 10_000.0) / 100.0);
        if (r.failure() != null) {
            Map<String, Object> failure = new LinkedHashMap<>();
            failure.put("class", r.failure().exceptionClass());
            failure.put("module", r.failure().module());
            failure.put("message", r.failure().message());
            event.put("failure", failure);
        } else {
            event.put("result", r.result());
        }
        return event;
    }

    private static Map<String, Object> notification(String topic, ReceivedNotification n) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("kind", "notification");
        event.put("topic", topic);
        event.put("priority", n.priority());
        event.put("event_type", n.eventType());
        event.put("publisher_id", n.publisherId());
        event.put("message_id", n.messageId());
        event.put("timestamp", n.timestamp());
        event.put("payload", n.payload());
        event.put("context", n.context());
        return event;
    }

    private static Map<String, Object> malformed(String exchangeName, String routingKey, String reason) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("kind", "malformed");
        event.put("exchange", exchangeName);
        event.put("routing_key", routingKey);
        event.put("error", reason);
        return event;
    }
}
