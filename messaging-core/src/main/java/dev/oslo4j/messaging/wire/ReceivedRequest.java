package dev.oslo4j.messaging.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A decoded RPC request. Fields keep their JSON form so the dispatcher can reject wrong types the way Python
 * does (with a failure reply) instead of the decoder dropping the message.
 *
 * @param method    the {@code method} field, or null when absent
 * @param args      the {@code args} field, or null when absent (Python's default: {@code {}})
 * @param namespace the {@code namespace} field, or null
 * @param version   the {@code version} field, or null (Python's default: {@code "1.0"})
 * @param context   the {@code _context_*} fields, prefix stripped
 * @param msgId     {@code _msg_id} (calls only), or null
 * @param replyQueue {@code _reply_q} (calls only), or null
 * @param timeout   {@code _timeout}: the caller's call-monitor timeout, or null
 * @param uniqueId  {@code _unique_id}, or null
 */
public record ReceivedRequest(JsonNode method, JsonNode args, JsonNode namespace, JsonNode version,
                              ObjectNode context, String msgId, String replyQueue, JsonNode timeout,
                              String uniqueId) {

    /** Whether the sender waits for a reply (a call with a readable reply address). */
    public boolean isCall() {
        return msgId != null && replyQueue != null;
    }

    /** The method name, or null when absent or not a string. */
    public String methodName() {
        return method != null && method.isTextual() ? method.textValue() : null;
    }
}
