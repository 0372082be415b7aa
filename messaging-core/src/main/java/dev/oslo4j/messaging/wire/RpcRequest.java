package dev.oslo4j.messaging.wire;

import java.util.Map;
import java.util.Objects;

/**
 * An RPC request to send: method, keyword arguments, optional namespace and version, and the request
 * context. Argument and context values are any JSON-serializable Java values (including Jackson nodes).
 */
public record RpcRequest(String method, Map<String, ?> args, String namespace, String version,
                         Map<String, ?> context) {

    public RpcRequest {
        Objects.requireNonNull(method, "method");
        args = args == null ? Map.of() : args;
        context = context == null ? Map.of() : context;
    }
}
