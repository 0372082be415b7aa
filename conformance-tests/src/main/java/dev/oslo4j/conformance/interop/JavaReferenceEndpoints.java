package dev.oslo4j.conformance.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oslo4j.conformance.python.PeerJson;
import dev.oslo4j.messaging.DynamicEndpoint;
import dev.oslo4j.messaging.RemoteError;
import dev.oslo4j.messaging.RequestContext;
import dev.oslo4j.messaging.RpcEndpoint;

import java.util.List;
import java.util.Map;

/**
 * The Java twins of the Python peer's reference endpoints ({@code peer_rpc_server.py}): same method
 * names, arguments, results and failures, so a Python client cannot tell which server answered.
 */
final class JavaReferenceEndpoints {
    /** The failure module of the Python peers' custom exceptions. */
    static final String PEER_EXCEPTIONS = "oslo4j_peer_exceptions";

    private JavaReferenceEndpoints() {
    }

    /** The endpoints in the order the Python peer registers them. */
    static List<Object> all(String serverName) {
        return List.of(new Default(), new Kwargs(), new Ns2(serverName));
    }

    /** Default namespace, version 1.0 (no target), like the Python ReferenceEndpoint. */
    public static final class Default {
        public JsonNode echo(RequestContext ctxt, JsonNode arg) {
            return arg;
        }

        public JsonNode add(RequestContext ctxt, JsonNode a, JsonNode b) {
            if (a.isIntegralNumber() && b.isIntegralNumber()) {
                return JsonNodeFactory.instance.numberNode(a.longValue() + b.longValue());
            }
            if (a.isNumber() && b.isNumber()) {
                return JsonNodeFactory.instance.numberNode(a.doubleValue() + b.doubleValue());
            }
            if (a.isTextual() && b.isTextual()) {
                return JsonNodeFactory.instance.textNode(a.textValue() + b.textValue());
            }
            throw RemoteError.builder("builtins", "TypeError")
                    .message("unsupported operand type(s) for +: " + a.getNodeType() + " and " + b.getNodeType())
                    .build();
        }

        /** Fails exactly as Python's {@code raise ValueError(message)}. */
        public Object fail(RequestContext ctxt, String message) {
            throw RemoteError.builder("builtins", "ValueError").message(message).build();
        }

        /** Fails with a plain Java exception: it travels as module java.lang, class IllegalStateException. */
        public Object fail_java(RequestContext ctxt, String message) {
            throw new IllegalStateException(message);
        }

        public JsonNode sleep(RequestContext ctxt, JsonNode seconds) throws InterruptedException {
            Thread.sleep((long) (seconds.asDouble() * 1000));
            return seconds;
        }

        public ObjectNode get_context(RequestContext ctxt) {
            return ctxt.toJson();
        }

        public String _hidden(RequestContext ctxt) {
            return "methods starting with _ must never be dispatched";
        }
    }

    /**
     * The methods taking arbitrary keyword arguments ({@code **kwargs} in Python): {@code record(**kw)} returns
     * None; {@code raise_custom(exc_class="InstanceNotFound", exc_module="oslo4j_peer_exceptions", **kw)} fails
     * with that exact module and class, message formatted like the Python peers' nova-style exceptions.
     */
    public static final class Kwargs implements DynamicEndpoint {
        private static final Map<String, String> FORMATS = Map.of(
                "InstanceNotFound", "Instance %s could not be found.");
        private static final Map<String, Integer> CODES = Map.of("InstanceNotFound", 404);

        @Override
        public boolean hasMethod(String method) {
            return method.equals("record") || method.equals("raise_custom");
        }

        @Override
        public Object invoke(RequestContext context, String method, ObjectNode args) {
            if (method.equals("record")) {
                return null;
            }
            ObjectNode kwargs = args.deepCopy();
            String excClass = textOr(kwargs.remove("exc_class"), "InstanceNotFound");
            String module = textOr(kwargs.remove("exc_module"), PEER_EXCEPTIONS);
            kwargs.put("code", CODES.getOrDefault(excClass, 500));
            String message = String.format(FORMATS.getOrDefault(excClass, "%s"),
                    kwargs.path("instance_id").asText(excClass));
            throw RemoteError.builder(module, excClass).message(message).kwargs(PeerJson.toMap(kwargs)).build();
        }

        private static String textOr(JsonNode node, String fallback) {
            return node == null || node.isNull() ? fallback : node.asText();
        }
    }

    /** Namespace ns2, version 2.3. */
    @RpcEndpoint(namespace = "ns2", version = "2.3")
    public static final class Ns2 {
        private final String server;

        Ns2(String server) {
            this.server = server;
        }

        public Map<String, String> whoami(RequestContext ctxt) {
            return Map.of("server", server, "namespace", "ns2");
        }
    }
}
