package dev.oslo4j.messaging.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oslo4j.messaging.DynamicEndpoint;
import dev.oslo4j.messaging.JacksonSerializer;
import dev.oslo4j.messaging.NoSuchMethod;
import dev.oslo4j.messaging.RequestContext;
import dev.oslo4j.messaging.Serializer;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.UnsupportedVersion;
import dev.oslo4j.messaging.wire.ReceivedRequest;
import dev.oslo4j.messaging.wire.VersionRule;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * oslo's RPC dispatch rules (docs/wire-protocol.md §7.1): endpoints are scanned in registration order; an endpoint is
 * compatible when the request's namespace is one it accepts and the request's version (default {@code 1.0})
 * is compatible with the endpoint's (default {@code 1.0}); the first compatible endpoint having the method runs
 * it. Otherwise: a compatible endpoint existed → {@link NoSuchMethod}; none → {@link UnsupportedVersion}.
 * Methods starting with {@code _} never match. Thread-safe and immutable.
 */
public final class RpcDispatcher {

    private static final String DEFAULT_VERSION = "1.0";

    private final List<Endpoint> endpoints;

    private RpcDispatcher(List<Endpoint> endpoints) {
        this.endpoints = List.copyOf(endpoints);
    }

    /**
     * Prepares endpoints: {@link DynamicEndpoint}s are used as they are; any other object is introspected once.
     *
     * @throws IllegalArgumentException when an endpoint cannot be bound (overloaded names, missing parameter names)
     */
    public static RpcDispatcher of(List<?> endpointObjects) {
        return of(endpointObjects, JacksonSerializer.defaults());
    }

    /**
     * As {@link #of(List)}, arguments converted to the endpoint methods' parameter types by {@code serializer}
     * (a {@link DynamicEndpoint} gets them as JSON).
     */
    public static RpcDispatcher of(List<?> endpointObjects, Serializer serializer) {
        Objects.requireNonNull(serializer, "serializer");
        List<Endpoint> out = new ArrayList<>();
        for (Object o : endpointObjects) {
            Objects.requireNonNull(o, "endpoint");
            out.add(o instanceof DynamicEndpoint d ? new DynamicAdapter(d) : new ReflectiveEndpoint(o, serializer));
        }
        return new RpcDispatcher(out);
    }

    /**
     * Runs the request and returns the method's result.
     *
     * @throws NoSuchMethod        a compatible endpoint exists but lacks the method
     * @throws UnsupportedVersion  no endpoint accepts the namespace/version
     * @throws DispatchError       the request is malformed (wrong argument names or types, bad version string)
     * @throws Exception           whatever the endpoint method threw
     */
    public Object dispatch(RequestContext context, ReceivedRequest request) throws Exception {
        JsonNode versionNode = request.version();
        if (versionNode != null && !versionNode.isNull() && !versionNode.isTextual()) {
            throw DispatchError.valueError("version must be a string \"X.Y\", got " + versionNode);
        }
        String version = versionNode == null || versionNode.isNull() ? DEFAULT_VERSION : versionNode.textValue();
        JsonNode ns = request.namespace();
        String namespace = ns == null || ns.isNull() ? null : ns.isTextual() ? ns.textValue() : ns.toString();
        String method = request.methodName();
        boolean foundCompatible = false;
        for (Endpoint e : endpoints) {
            Target t = e.target();
            if (!t.acceptedNamespaces().contains(namespace) || !compatible(t, version)) {
                continue;
            }
            if (method == null) {
                throw DispatchError.typeError("request has no method name (\"method\" is "
                        + (request.method() == null ? "missing" : request.method()) + ")");
            }
            if (!method.startsWith("_") && e.hasMethod(method)) {
                return e.invoke(context, method, args(request, method));
            }
            foundCompatible = true;
        }
        if (foundCompatible) {
            throw new NoSuchMethod(method);
        }
        throw new UnsupportedVersion(version, method);
    }

    private static boolean compatible(Target t, String requested) {
        String implemented = t.version() == null ? DEFAULT_VERSION : t.version();
        try {
            return VersionRule.isCompatible(implemented, requested);
        } catch (IllegalArgumentException e) {
            throw DispatchError.valueError(e.getMessage());
        }
    }

    private static ObjectNode args(ReceivedRequest r, String method) {
        JsonNode a = r.args();
        if (a == null || a.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (a instanceof ObjectNode o) {
            return o;
        }
        throw DispatchError.typeError(method + "() argument after ** must be a mapping, not "
                + a.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }

    /** A {@link DynamicEndpoint} seen as an {@link Endpoint}. */
    private record DynamicAdapter(DynamicEndpoint endpoint) implements Endpoint {
        @Override
        public Target target() {
            Target t = endpoint.target();
            return t == null ? Target.builder().build() : t;
        }

        @Override
        public boolean hasMethod(String method) {
            return endpoint.hasMethod(method);
        }

        @Override
        public Object invoke(RequestContext context, String method, ObjectNode args) throws Exception {
            return endpoint.invoke(context, method, args);
        }

        @Override
        public String describe() {
            return endpoint.getClass().getName();
        }
    }
}
