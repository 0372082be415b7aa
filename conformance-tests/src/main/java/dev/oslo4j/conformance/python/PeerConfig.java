package dev.oslo4j.conformance.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The JSON configuration a peer starts with: the transport URL, oslo options, and role-specific
 * keys (documented at the top of each {@code peer_<role>.py}). Mutable builder; {@link #json()}
 * returns a copy.
 */
public final class PeerConfig {
    private final ObjectNode json = PeerJson.object();
    private OsloRelease release = OsloRelease.V14_0_3;

    private PeerConfig(String transportUrl) {
        if (transportUrl != null) {
            json.put("url", transportUrl);
        }
    }

    /**
     * A configuration for a peer reading these oslo.config files as a service does ({@code --config-file} each,
     * in order): its transport URL, control exchange and options come from them.
     */
    public static PeerConfig forConfigFiles(List<java.nio.file.Path> files) {
        PeerConfig c = new PeerConfig(null);
        c.with("config_files", files.stream().map(p -> p.toAbsolutePath().toString()).toList());
        return c;
    }

    /** A configuration for a peer connecting with this oslo transport URL (query options allowed). */
    public static PeerConfig forUrl(String transportUrl) {
        return new PeerConfig(transportUrl);
    }

    /** Which oslo.messaging the peer runs (default: the system's 14.0.3). */
    public PeerConfig release(OsloRelease release) {
        this.release = release;
        return this;
    }

    public OsloRelease release() {
        return release;
    }

    /** The process's control exchange ({@code [DEFAULT] control_exchange}). */
    public PeerConfig controlExchange(String exchange) {
        return option("DEFAULT", "control_exchange", exchange);
    }

    /** Sets an oslo option, e.g. {@code option("oslo_messaging_rabbit", "rabbit_qos_prefetch_count", 10)}. */
    public PeerConfig option(String group, String name, Object value) {
        ObjectNode conf = json.has("conf") ? (ObjectNode) json.get("conf") : json.putObject("conf");
        ObjectNode groupNode = conf.has(group) ? (ObjectNode) conf.get(group) : conf.putObject(group);
        groupNode.set(name, PeerJson.tree(value));
        return this;
    }

    /** Modules whose remote exceptions the peer's client rebuilds (default: oslo4j_peer_exceptions). */
    public PeerConfig allowedRemoteExmods(List<String> modules) {
        return with("allowed_remote_exmods", modules);
    }

    /** Sets any role-specific key, e.g. {@code with("topic", "compute")}. */
    public PeerConfig with(String key, Object value) {
        json.set(key, PeerJson.tree(value));
        return this;
    }

    /** A copy of the configuration as JSON. */
    public JsonNode json() {
        return json.deepCopy();
    }

    @Override
    public String toString() {
        return json.toString().replaceAll("(://[^:/@]*:)[^@/]*@", "$1****@");
    }
}
