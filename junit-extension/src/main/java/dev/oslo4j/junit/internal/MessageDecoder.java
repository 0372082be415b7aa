package dev.oslo4j.junit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oslo4j.junit.RecordedMessage;
import dev.oslo4j.junit.RecordedNotification;
import dev.oslo4j.junit.RecordedReply;
import dev.oslo4j.junit.RecordedRequest;
import dev.oslo4j.junit.RemoteFailure;
import dev.oslo4j.junit.UnrecognizedMessage;
import dev.oslo4j.messaging.Priority;
import dev.oslo4j.messaging.wire.Compression;
import dev.oslo4j.messaging.wire.Envelope;
import dev.oslo4j.messaging.wire.Failure;
import dev.oslo4j.messaging.wire.MalformedMessage;
import dev.oslo4j.messaging.wire.NotificationMessages;
import dev.oslo4j.messaging.wire.ReceivedNotification;
import dev.oslo4j.messaging.wire.ReceivedReply;
import dev.oslo4j.messaging.wire.ReceivedRequest;
import dev.oslo4j.messaging.wire.ReplyMessages;
import dev.oslo4j.messaging.wire.RpcMessages;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Turns a recorded publish into a {@link RecordedMessage} with oslo4j's own wire codecs (envelope, compression,
 * request / reply / notification decoding). Which kind a message is follows from its keys, as a Python consumer
 * would read it: {@code method} → request, {@code event_type} + {@code priority} → notification,
 * {@code result}/{@code failure}/{@code ending} → reply.
 */
public final class MessageDecoder {

    private static final String FANOUT_SUFFIX = "_fanout";

    private MessageDecoder() {
    }

    public static RecordedMessage decode(int sequence, RawPublish p) {
        byte[] body = p.body();
        String text;
        JsonNode inner;
        try {
            Object compression = p.headers().get(Compression.HEADER);
            if (compression != null) {
                body = Compression.decompress(compression.toString(), body);
            }
            text = new String(body, StandardCharsets.UTF_8);
            inner = Envelope.unwrap(body);
        } catch (MalformedMessage e) {
            return other(sequence, p, new String(body, StandardCharsets.UTF_8), e.getMessage());
        }
        if (!(inner instanceof ObjectNode m)) {
            return other(sequence, p, text, "not an oslo message: the body is a JSON "
                    + inner.getNodeType().name().toLowerCase(Locale.ROOT) + ", not an object");
        }
        try {
            if (m.has("method")) {
                return request(sequence, p, text, RpcMessages.decode(m));
            }
            if (m.has("event_type") && m.has("priority")) {
                return notification(sequence, p, text, NotificationMessages.decode(m), isEnvelope(body));
            }
            if (m.has("result") || m.has("failure") || m.has("ending")) {
                ReceivedReply r = ReplyMessages.decode(m);
                return new RecordedReply(sequence, p.routingKey(), r.msgId(), r.result(), remoteFailure(r.failure()), r.ending(),
                        p.unroutable(), p.at(), text);
            }
        } catch (MalformedMessage e) {
            return other(sequence, p, text, e.getMessage());
        }
        return other(sequence, p, text, "not an oslo message: a JSON object without 'method', 'event_type' and"
                + " 'priority', or 'result'/'failure'/'ending'");
    }

    private static boolean isEnvelope(byte[] body) {
        try {
            JsonNode outer = dev.oslo4j.messaging.wire.Json.parse(body);
            return outer.has(Envelope.VERSION_KEY) && outer.has(Envelope.MESSAGE_KEY);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static RecordedRequest request(int sequence, RawPublish p, String text, ReceivedRequest r) {
        RecordedRequest.Kind kind = r.isCall() ? RecordedRequest.Kind.CALL
                : p.exchange().endsWith(FANOUT_SUFFIX) ? RecordedRequest.Kind.FANOUT_CAST : RecordedRequest.Kind.CAST;
        ObjectNode args = r.args() instanceof ObjectNode a ? a : JsonNodeFactory.instance.objectNode();
        return new RecordedRequest(sequence, kind, p.exchange(), p.routingKey(), r.methodName(),
                textOrNull(r.namespace()), textOrNull(r.version()), args, r.context(), r.msgId(), r.replyQueue(),
                p.expiration(), p.unroutable(), p.at(), text);
    }

    private static RecordedNotification notification(int sequence, RawPublish p, String text, ReceivedNotification n,
                                                     boolean enveloped) {
        Priority priority = Priority.fromReceived(n.priority()).orElse(null);
        String topic = p.routingKey();
        if (priority != null && topic.endsWith("." + priority.routingName())) {
            topic = topic.substring(0, topic.length() - priority.routingName().length() - 1);
        }
        return new RecordedNotification(sequence, p.exchange(), p.routingKey(), topic, priority, n.priority(),
                n.eventType(), n.publisherId(), n.payload(), n.context(), n.messageId(), n.timestamp(), enveloped,
                p.unroutable(), p.at(), text);
    }

    private static UnrecognizedMessage other(int sequence, RawPublish p, String text, String reason) {
        return new UnrecognizedMessage(sequence, p.exchange(), p.routingKey(), reason, p.unroutable(), p.at(), text);
    }

    private static String textOrNull(JsonNode n) {
        return n == null || n.isNull() ? null : n.isTextual() ? n.textValue() : n.toString();
    }

    private static RemoteFailure remoteFailure(Failure f) {
        return f == null ? null
                : new RemoteFailure(f.exceptionClass(), f.module(), f.message(), f.traceback(), f.args(), f.kwargs());
    }
}
