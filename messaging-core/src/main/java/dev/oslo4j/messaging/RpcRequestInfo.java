package dev.oslo4j.messaging;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an {@link RpcServer} received, as the sender wrote it, before dispatch — for observers registered with
 * {@link RpcServer.Builder#onRequest}. Fields keep their JSON form: a malformed request (say, a numeric
 * {@code method}) is shown as it arrived.
 *
 * @param call      true for a call (the sender waits for a reply), false for a cast or fanout cast
 * @param method    the {@code method} field, or null when absent
 * @param namespace the {@code namespace} field, or null when absent
 * @param version   the {@code version} field, or null when absent (dispatch then assumes {@code "1.0"})
 * @param args      the {@code args} field, or null when absent
 * @param context   the request context as sent ({@code _context_*} keys, prefix stripped; endpoints additionally
 *                  see {@code client_timeout})
 * @param timeout   the {@code _timeout} field: the caller's call-monitor timeout in seconds, or null when absent
 *                  or null (then the server sends no heartbeats)
 */
public record RpcRequestInfo(boolean call, JsonNode method, JsonNode namespace, JsonNode version, JsonNode args,
                             RequestContext context, JsonNode timeout) {

    /** The method name, or null when absent or not a string. */
    public String methodName() {
        return method != null && method.isTextual() ? method.textValue() : null;
    }
}
