package dev.oslo4j.conformance.python;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oslo4j.messaging.Target;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds one command line for a peer ("op" plus its fields, see the role's Python module). */
public final class PeerCommand {
    private final ObjectNode json = PeerJson.object();

    private PeerCommand(String op) {
        json.put("op", op);
    }

    /** An RPC call of {@code method} (rpc-client role). */
    public static PeerCommand call(String method) {
        return new PeerCommand("call").with("method", method);
    }

    /** An RPC cast of {@code method} (rpc-client role). */
    public static PeerCommand cast(String method) {
        return new PeerCommand("cast").with("method", method);
    }

    /** A notification at {@code priority} (a Python priority name, e.g. "info", "warn"; notifier role). */
    public static PeerCommand notify(String priority, String eventType) {
        return new PeerCommand("notify").with("priority", priority).with("event_type", eventType);
    }

    /** Any op understood by the peer, e.g. "ping". */
    public static PeerCommand op(String op) {
        return new PeerCommand(op);
    }

    /** The RPC target: keys exchange, topic, server, namespace, version, fanout. */
    public PeerCommand target(Map<String, ?> target) {
        return with("target", target);
    }

    /** The RPC target, from oslo4j's {@link Target} (its unset fields are left unset in Python too). */
    public PeerCommand target(Target target) {
        Map<String, Object> fields = new LinkedHashMap<>();
        putIfSet(fields, "exchange", target.exchange());
        putIfSet(fields, "topic", target.topic());
        putIfSet(fields, "server", target.server());
        putIfSet(fields, "namespace", target.namespace());
        putIfSet(fields, "version", target.version());
        if (target.fanout()) {
            fields.put("fanout", true);
        }
        return target(fields);
    }

    private static void putIfSet(Map<String, Object> fields, String key, String value) {
        if (value != null) {
            fields.put(key, value);
        }
    }

    /** One keyword argument of the RPC method. */
    public PeerCommand arg(String name, Object value) {
        ObjectNode args = json.has("args") ? (ObjectNode) json.get("args") : json.putObject("args");
        args.set(name, PeerJson.tree(value));
        return this;
    }

    /** All keyword arguments of the RPC method. */
    public PeerCommand args(Map<String, ?> args) {
        return with("args", args);
    }

    /** The request context (a dict on the Python side). */
    public PeerCommand ctxt(Map<String, ?> ctxt) {
        return with("ctxt", ctxt);
    }

    /** The call timeout in seconds. */
    public PeerCommand timeout(double seconds) {
        return with("timeout", seconds);
    }

    /** The call-monitor timeout in seconds (the server then heartbeats every half of it). */
    public PeerCommand callMonitorTimeout(double seconds) {
        return with("call_monitor_timeout", seconds);
    }

    /** The notification payload. */
    public PeerCommand payload(Object payload) {
        return with("payload", payload);
    }

    /** The notifier's publisher id. */
    public PeerCommand publisherId(String publisherId) {
        return with("publisher_id", publisherId);
    }

    /** The notification driver: "messagingv2" (default) or "messaging" (v1, no envelope). */
    public PeerCommand driver(String driver) {
        return with("driver", driver);
    }

    /** The notification topics (default ["notifications"]). */
    public PeerCommand topics(String... topics) {
        return with("topics", List.of(topics));
    }

    /** Any other field. */
    public PeerCommand with(String key, Object value) {
        json.set(key, PeerJson.tree(value));
        return this;
    }

    /** A fresh JSON copy (each request gets its own id). */
    public ObjectNode json() {
        return json.deepCopy();
    }

    @Override
    public String toString() {
        return json.toString();
    }
}
