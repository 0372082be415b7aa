package dev.oslo4j.messaging.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Codec of RPC replies (docs/wire-protocol.md §5.2): {@code result}, {@code failure} (a JSON string or null), {@code ending},
 * {@code _msg_id}, {@code _unique_id}, in that order, in the 2.0 envelope. Heartbeats are replies with null
 * result and failure and {@code ending: false}.
 */
public final class ReplyMessages {

    private ReplyMessages() {
    }

    /** A final successful reply; {@code result} is any JSON-serializable value (null allowed). */
    public static byte[] encodeResult(Object result, String msgId, String uniqueId) {
        return encode(result, null, true, msgId, uniqueId);
    }

    /** A final failure reply. */
    public static byte[] encodeFailure(Failure failure, String msgId, String uniqueId) {
        return encode(null, failure, true, msgId, uniqueId);
    }

    /** A call-monitor heartbeat. */
    public static byte[] encodeHeartbeat(String msgId, String uniqueId) {
        return encode(null, null, false, msgId, uniqueId);
    }

    private static byte[] encode(Object result, Failure failure, boolean ending, String msgId, String uniqueId) {
        return InnerWriter.enveloped(g -> {
            g.writeFieldName("result");
            g.writeObject(result);
            g.writeFieldName("failure");
            if (failure == null) {
                g.writeNull();
            } else {
                g.writeString(failure.toJson());
            }
            g.writeBooleanField("ending", ending);
            g.writeStringField(RpcMessages.MSG_ID, msgId);
            g.writeStringField(RpcMessages.UNIQUE_ID, uniqueId);
        });
    }

    /**
     * Decodes an inner reply message.
     *
     * @throws MalformedMessage when it is not a JSON object
     */
    public static ReceivedReply decode(JsonNode inner) throws MalformedMessage {
        if (!(inner instanceof ObjectNode m)) {
            throw new MalformedMessage("RPC reply is not a JSON object but " + RpcMessages.describe(inner));
        }
        JsonNode failureNode = m.get("failure");
        Failure failure = null;
        if (failureNode != null && !failureNode.isNull()) {
            failure = Failure.parse(failureNode.isTextual() ? failureNode.textValue() : failureNode.toString());
        }
        JsonNode result = m.get("result");
        JsonNode ending = m.get("ending");
        return new ReceivedReply(RpcMessages.text(m, RpcMessages.MSG_ID), result == null ? NullNode.instance : result,
                failure, m.has("failure"), ending != null && ending.asBoolean(false));
    }
}
