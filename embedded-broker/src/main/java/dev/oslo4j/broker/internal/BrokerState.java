package dev.oslo4j.broker.internal;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.qpid.server.model.ConfiguredObject;

import dev.oslo4j.broker.internal.vhost.VirtualHostState;

/**
 * Everything about one {@code EmbeddedBroker} that must outlive a Broker-J instance: the retained durable
 * state of each virtual host (for {@code restart()}), publish listeners, and the names clients use.
 *
 * <p>Broker-J instantiates oslo4j's plugins reflectively, so they find their state through the broker
 * context key {@link PluginTypes#BROKER_ID} and this registry, never through statics of their own.
 */
public final class BrokerState {

    private static final Map<String, BrokerState> REGISTRY = new ConcurrentHashMap<>();

    private final String id = UUID.randomUUID().toString();
    private final Map<String, VirtualHostState> virtualHosts = new ConcurrentHashMap<>();
    /** Client-visible vhost name → node name; holds user vhosts and current leases (not the default). */
    private final Map<String, String> clientNames = new ConcurrentHashMap<>();
    private volatile boolean retainOnClose;

    BrokerState() {
        REGISTRY.put(id, this);
    }

    /** The state of the broker that {@code object} belongs to. */
    public static BrokerState of(ConfiguredObject<?> object) {
        String id = object.getContextValue(String.class, PluginTypes.BROKER_ID);
        BrokerState state = id == null ? null : REGISTRY.get(id);
        if (state == null) {
            throw new IllegalStateException(object + " does not belong to an oslo4j embedded broker");
        }
        return state;
    }

    String id() {
        return id;
    }

    /** Forgets this broker; plugins of a Broker-J still running for it fail from now on. */
    void unregister() {
        REGISTRY.remove(id);
        virtualHosts.values().forEach(VirtualHostState::discard);
        virtualHosts.clear();
        clientNames.clear();
    }

    /**
     * Whether the Broker-J now closing is being restarted: then virtual hosts keep their durable
     * configuration and persistent messages instead of dropping them.
     */
    public boolean retainOnClose() {
        return retainOnClose;
    }

    void retainOnClose(boolean retain) {
        this.retainOnClose = retain;
    }

    /** The state of the node named {@code nodeName}, created on first use. */
    public VirtualHostState virtualHost(String nodeName) {
        return virtualHosts.computeIfAbsent(nodeName, name -> new VirtualHostState(name, this::retainOnClose));
    }

    void forgetVirtualHost(String nodeName) {
        VirtualHostState removed = virtualHosts.remove(nodeName);
        if (removed != null) {
            removed.discard();
        }
    }

    /** The node a client-supplied virtual-host name maps to, or null (Broker-J strips one leading '/'). */
    public String nodeForClientName(String clientName) {
        return clientName == null ? null : clientNames.get(clientName);
    }

    void mapClientName(String clientName, String nodeName) {
        clientNames.put(clientName, nodeName);
    }

    void unmapClientName(String clientName) {
        clientNames.remove(clientName);
    }
}
