package dev.oslo4j.messaging.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;

/**
 * Codec of RPC requests (docs/wire-protocol.md §5.1): inner keys {@code method}, {@code args}, optional {@code namespace} and
 * {@code version}, for calls {@code _msg_id}, {@code _reply_q}, {@code _timeout}, always {@code _unique_id},
 * then the flattened context — in that order, as Python writes them — inside the 2.0 envelope.
 */
public final class RpcMessages {

    public static final String MSG_ID = "_msg_id";
    public static final String REPLY_Q = "_reply_q";
    public static final String TIMEOUT = "_timeout";
    public static final String UNIQUE_ID = "_unique_id";

    private RpcMessages() {
    }

    /**
     * A call request body.
     *
     * @param callMonitorTimeout seconds for {@code _timeout}, or null (then {@code "_timeout": null})
     */
    public static byte[] encodeCall(RpcRequest r, String msgId, String replyQueue, Number callMonitorTimeout,
                                    String uniqueId) {
        return InnerWriter.enveloped(g -> {
            writeHead(g, r);
            g.writeStringField(MSG_ID, msgId);
            g.writeStringField(REPLY_Q, replyQueue);
            g.writeFieldName(TIMEOUT);
            if (callMonitorTimeout == null) {
                g.writeNull();
            } else {
                g.writeObject(callMonitorTimeout);
            }
            g.writeStringField(UNIQUE_ID, uniqueId);
            ContextCodec.write(g, r.context());
        });
    }

    /** {@code _timeout} as Python clients usually send it: whole seconds as an integer, else fractional. */
    public static Number seconds(java.time.Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 ? (Number) (millis / 1000) : (Number) (millis / 1000.0);
    }

    /** A cast (or fanout cast) request body. */
    public static byte[] encodeCast(RpcRequest r, String uniqueId) {
        return InnerWriter.enveloped(g -> {
            writeHead(g, r);
            g.writeStringField(UNIQUE_ID, uniqueId);
            ContextCodec.write(g, r.context());
        });
    }

    private static void writeHead(JsonGenerator g, RpcRequest r) throws IOException {
        g.writeStringField("method", r.method());
        g.writeFieldName("args");
        g.writeObject(r.args());
        if (r.namespace() != null) {
            g.writeStringField("namespace", r.namespace());
        }
        if (r.version() != null) {
            g.writeStringField("version", r.version());
        }
    }

    /**
     * Decodes an inner request message (already unwrapped from its envelope).
     *
     * @throws MalformedMessage when the message is not a JSON object
     */
    public static ReceivedRequest decode(JsonNode inner) throws MalformedMessage {
        if (!(inner instanceof ObjectNode m)) {
            throw new MalformedMessage("RPC message is not a JSON object but " + describe(inner));
        }
        return new ReceivedRequest(m.get("method"), m.get("args"), m.get("namespace"), m.get("version"),
                ContextCodec.read(m), text(m, MSG_ID), text(m, REPLY_Q), nullToNull(m.get(TIMEOUT)),
                text(m, UNIQUE_ID));
    }

    static String text(ObjectNode m, String key) {
        JsonNode n = m.get(key);
        return n != null && n.isTextual() ? n.textValue() : null;
    }

    private static JsonNode nullToNull(JsonNode n) {
        return n == null || n.isNull() ? null : n;
    }

    static String describe(JsonNode n) {
        return n == null ? "nothing" : n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
