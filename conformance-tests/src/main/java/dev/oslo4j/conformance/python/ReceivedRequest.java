package dev.oslo4j.conformance.python;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A request a Python RPC server received, reported before dispatch.
 *
 * @param kind          "call" or "cast" (fanout casts are casts)
 * @param method        the requested method
 * @param namespace     the namespace sent, or null
 * @param version       the version sent, or null when the message had none
 * @param args          the keyword arguments
 * @param context       the context dict as oslo hands it to endpoints (includes client_timeout)
 * @param server        the server name of the receiving peer
 * @param clientTimeout the request's {@code _timeout} (call-monitor timeout), JSON null when absent
 */
public record ReceivedRequest(String kind, String method, String namespace, String version, JsonNode args,
                              JsonNode context, String server, JsonNode clientTimeout) {

    static ReceivedRequest of(JsonNode event) {
        return new ReceivedRequest(event.path("kind").asText(), event.path("method").asText(),
                nullableText(event.get("namespace")), nullableText(event.get("version")), event.path("args"),
                event.path("context"), event.path("server").asText(), event.path("client_timeout"));
    }

    static String nullableText(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    /** Whether it was a call (expects a reply). */
    public boolean isCall() {
        return "call".equals(kind);
    }
}
