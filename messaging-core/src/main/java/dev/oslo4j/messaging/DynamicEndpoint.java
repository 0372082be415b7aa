package dev.oslo4j.messaging;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An RPC endpoint that dispatches by itself instead of through its Java methods: for proxies, scripting,
 * stubs and generic servers. It takes part in endpoint selection like any endpoint (namespace and version from
 * {@link #target()}, {@code _}-prefixed methods never exposed).
 */
public interface DynamicEndpoint {

    /** The namespace/version this endpoint serves; null means the null namespace at version {@code 1.0}. */
    default Target target() {
        return null;
    }

    /** Whether this endpoint has a method of that name (oslo's {@code hasattr(endpoint, method)}). */
    boolean hasMethod(String method);

    /**
     * Runs {@code method}. The return value is sent as the reply's {@code result} (any JSON-serializable value);
     * an exception becomes the failure reply (see {@link OsloFailure} and {@link RemoteError} to control its
     * module and class).
     */
    Object invoke(RequestContext context, String method, ObjectNode args) throws Exception;
}
