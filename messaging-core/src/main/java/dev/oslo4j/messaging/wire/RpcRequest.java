package dev.oslo4j.messaging.wire;

import java.util.Map;
import java.util.Objects;

/**
 * An RPC request to send: method, keyword arguments, optional namespace and version, and the request
 * context. Argument and context values are any JSON-serializable Java values (including Jackson nodes).
 *
 * @param headers extra AMQP headers (trace propagation: {@code traceparent}, {@code tracestate}); empty for none.
 *                Not part of the oslo message: Python peers (kombu) ignore them.
 */
public record RpcRequest(String method, Map<String, ?> args, String namespace, String version,
                         Map<String, ?> context, Map<String, String> headers) {

    public RpcRequest {
        Objects.requireNonNull(method, "method");
        args = args == null ? Map.of() : args;
        context = context == null ? Map.of() : context;
        headers = headers == null ? Map.of() : headers;
    }

    /** A request without extra headers. */
    public RpcRequest(String method, Map<String, ?> args, String namespace, String version, Map<String, ?> context) {
        this(method, args, namespace, version, context, Map.of());
    }

    /** This request with {@code headers} as its extra AMQP headers. */
    public RpcRequest withHeaders(Map<String, String> headers) {
        return new RpcRequest(method, args, namespace, version, context, headers);
    }
}
