package dev.oslo4j.broker.internal;

import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.SystemLauncherListener;
import org.apache.qpid.server.model.AuthenticationProvider;
import org.apache.qpid.server.model.Broker;
import org.apache.qpid.server.model.KeyStore;
import org.apache.qpid.server.model.Port;
import org.apache.qpid.server.model.State;
import org.apache.qpid.server.model.SystemConfig;
import org.apache.qpid.server.model.TrustStore;
import org.apache.qpid.server.model.User;
import org.apache.qpid.server.model.VirtualHost;
import org.apache.qpid.server.model.VirtualHostAlias;
import org.apache.qpid.server.model.VirtualHostNode;
import org.apache.qpid.server.model.port.AmqpPort;

import dev.oslo4j.broker.EmbeddedBrokerException;

/**
 * One running Apache Qpid Broker-J, configured as an oslo4j broker. {@code EmbeddedBroker} owns one at a
 * time; a restart closes this one and starts another for the same {@link BrokerState}.
 *
 * <p>Starting never leaves anything behind when it fails: Broker-J's launcher is shut down (its
 * configuration thread is not a daemon), and the system properties Broker-J sets are restored either way.
 */
final class BrokerInstance implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BrokerInstance.class);

    static final String AUTH_PROVIDER = "oslo4j-users";
    private static final String KEY_STORE = "oslo4j-tls";
    private static final String TRUST_STORE = "oslo4j-tls-clients";
    /** A new virtual host: oslo4j's type, plus amq.headers, which RabbitMQ has and Broker-J does not create. */
    private static final String VIRTUAL_HOST_CONFIG = Json.write(Map.of(
            "type", PluginTypes.VIRTUAL_HOST,
            "exchanges", List.of(Map.of("name", "amq.headers", "type", "headers", "durable", true))));

    private final SystemLauncher launcher;
    private final Broker<?> broker;
    private final PluginClassLoader loader;

    private BrokerInstance(SystemLauncher launcher, Broker<?> broker, PluginClassLoader loader) {
        this.launcher = launcher;
        this.broker = broker;
        this.loader = loader;
    }

    /**
     * Starts Broker-J with the given virtual-host nodes, the default one first.
     *
     * @param nodes node names to create; the first is the default virtual host
     */
    static BrokerInstance start(BrokerState state, BrokerSettings settings, List<String> nodes,
                                PluginClassLoader loader) {
        SystemPropertyGuard properties = SystemPropertyGuard.snapshot();
        AtomicReference<SystemLauncher> launcher = new AtomicReference<>();
        try {
            return loader.run(() -> {
                long t0 = System.nanoTime();
                StartListener listener = new StartListener();
                launcher.set(new SystemLauncher(listener));
                launcher.get().startup(systemConfig(state, settings));
                long t1 = System.nanoTime();
                if (listener.error.get() != null) {
                    throw listener.error.get();
                }
                Broker<?> broker = listener.broker.get();
                if (broker == null || broker.getState() != State.ACTIVE) {
                    throw new EmbeddedBrokerException("Broker-J did not become active (state "
                            + (broker == null ? "unknown" : broker.getState()) + ")");
                }
                BrokerInstance instance = new BrokerInstance(launcher.get(), broker, loader);
                instance.configure(settings, nodes);
                LOG.debug("Broker-J started in {} ms, configured in {} ms", (t1 - t0) / 1_000_000,
                        (System.nanoTime() - t1) / 1_000_000);
                return instance;
            });
        } catch (Throwable e) {
            stopQuietly(launcher.get());
            if (e instanceof EmbeddedBrokerException ebe) {
                throw ebe;
            }
            throw new EmbeddedBrokerException("the embedded broker could not start on " + settings.host() + ":"
                    + settings.port() + ": " + e, e);
        } finally {
            properties.restore();
        }
    }

    private static Map<String, Object> systemConfig(BrokerState state, BrokerSettings settings) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(SystemConfig.TYPE, "Memory");
        attributes.put(SystemConfig.INITIAL_CONFIGURATION_LOCATION, resource("broker-config.json"));
        attributes.put(SystemConfig.INITIAL_SYSTEM_PROPERTIES_LOCATION, resource("system.properties"));
        attributes.put(SystemConfig.STARTUP_LOGGED_TO_SYSTEM_OUT, false);
        attributes.put("preferenceStoreAttributes", Map.of("type", "Noop", "attributes", Map.of()));
        String workDir = Path.of(System.getProperty("java.io.tmpdir"), "oslo4j-broker-" + state.id()).toString();
        attributes.put(SystemConfig.CONTEXT, BrokerContext.of(state, settings, workDir));
        return attributes;
    }

    private static String resource(String name) {
        URL url = BrokerInstance.class.getResource(name);
        if (url == null) {
            throw new EmbeddedBrokerException("oslo4j broker resource " + name + " is missing from the classpath");
        }
        return url.toExternalForm();
    }

    /**
     * Users and virtual hosts first, the AMQP port (configured stopped) last: a client that reconnects
     * during a restart must not find the port open before its virtual host exists.
     */
    private void configure(BrokerSettings settings, List<String> nodes) {
        AuthenticationProvider<?> users = broker.getChildByName(AuthenticationProvider.class, AUTH_PROVIDER);
        users.createChild(User.class, attributes(User.NAME, settings.user(), User.PASSWORD, settings.password(),
                User.TYPE, "managed"));
        for (int i = 0; i < nodes.size(); i++) {
            createNode(nodes.get(i), i == 0);
        }
        Port<?> amqp = broker.getChildByName(Port.class, "AMQP");
        amqp.setAttributes(attributes(Port.DESIRED_STATE, State.ACTIVE));
        checkBound(amqp, "AMQP", settings.host(), settings.port());
        if (settings.tls() != null) {
            createTlsStores(settings.tls());
            createTlsPort(settings.host(), settings.tls());
        }
    }

    void createNode(String name, boolean isDefault) {
        loader.run(() -> broker.createChild(VirtualHostNode.class, attributes(
                VirtualHostNode.NAME, name,
                VirtualHostNode.TYPE, PluginTypes.NODE,
                VirtualHostNode.DEFAULT_VIRTUAL_HOST_NODE, isDefault,
                VirtualHostNode.VIRTUALHOST_INITIAL_CONFIGURATION, VIRTUAL_HOST_CONFIG)));
    }

    /**
     * Stops the node {@code name} and starts it again. Stopping closes its virtual host (its client connections
     * get {@code connection.close 320}) and its configuration store; starting recovers the virtual host from
     * whatever that store and the virtual host's message store kept. Returns once the virtual host is active.
     */
    void restartNode(String name, String clientName) {
        loader.run(() -> {
            VirtualHostNode<?> node = broker.getChildByName(VirtualHostNode.class, name);
            if (node == null) {
                throw new EmbeddedBrokerException("virtual host '" + clientName + "' is not running");
            }
            node.setAttributes(attributes(VirtualHostNode.DESIRED_STATE, State.STOPPED));
            node.setAttributes(attributes(VirtualHostNode.DESIRED_STATE, State.ACTIVE));
            VirtualHost<?> vhost = node.getVirtualHost();
            if (node.getState() != State.ACTIVE || vhost == null || vhost.getState() != State.ACTIVE) {
                throw new EmbeddedBrokerException("virtual host '" + clientName + "' did not come back after its"
                        + " restart (node " + node.getState() + ", virtual host "
                        + (vhost == null ? "missing" : vhost.getState()) + ")");
            }
            return null;
        });
    }

    private void createTlsStores(BrokerSettings.Tls tls) {
        broker.createChild(KeyStore.class, attributes(
                KeyStore.NAME, KEY_STORE,
                KeyStore.TYPE, "FileKeyStore",
                "storeUrl", tls.keyStore().toAbsolutePath().toString(),
                "password", tls.keyStorePassword(),
                "keyStoreType", "PKCS12"));
        if (tls.trustStore() != null) {
            broker.createChild(TrustStore.class, attributes(
                    TrustStore.NAME, TRUST_STORE,
                    TrustStore.TYPE, "FileTrustStore",
                    "storeUrl", tls.trustStore().toAbsolutePath().toString(),
                    "password", tls.trustStorePassword(),
                    "trustStoreType", "PKCS12"));
        }
    }

    private void createTlsPort(String host, BrokerSettings.Tls tls) {
        Map<String, Object> attributes = attributes(
                Port.NAME, "AMQPS",
                Port.TYPE, "AMQP",
                Port.PORT, tls.port(),
                Port.BINDING_ADDRESS, host,
                Port.AUTHENTICATION_PROVIDER, AUTH_PROVIDER,
                Port.PROTOCOLS, List.of("AMQP_0_9_1"),
                Port.TRANSPORTS, List.of("SSL"),
                Port.KEY_STORE, KEY_STORE);
        if (tls.trustStore() != null) {
            attributes.put(Port.TRUST_STORES, List.of(TRUST_STORE));
            attributes.put(Port.NEED_CLIENT_AUTH, tls.needClientAuth());
            attributes.put(Port.WANT_CLIENT_AUTH, !tls.needClientAuth());
        }
        Port<?> created = broker.createChild(Port.class, attributes);
        checkBound(created, "AMQPS", host, tls.port());
        // Broker-J gives a port created at run time aliases that resolve any node by its real name; oslo4j's
        // alias resolves only names it handed out, so a pooled virtual host is reachable only as its lease.
        for (VirtualHostAlias<?> alias : new ArrayList<>(created.getChildren(VirtualHostAlias.class))) {
            if (!"defaultAlias".equals(alias.getName())) {
                alias.delete();
            }
        }
        created.createChild(VirtualHostAlias.class, attributes(VirtualHostAlias.NAME, "oslo4jNames",
                VirtualHostAlias.TYPE, PluginTypes.NAME_ALIAS));
    }

    private static void checkBound(Port<?> port, String what, String host, int requested) {
        if (port.getState() != State.ACTIVE || ((AmqpPort<?>) port).getBoundPort() <= 0) {
            throw new EmbeddedBrokerException("could not bind the " + what + " port " + host + ":" + requested
                    + (requested == 0 ? "" : " (is it in use?)"));
        }
    }

    /** Broker-J may add to the attribute maps it is given, so they must be mutable. */
    private static Map<String, Object> attributes(Object... keysAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    Broker<?> broker() {
        return broker;
    }

    PluginClassLoader loader() {
        return loader;
    }

    int boundPort(String portName) {
        Port<?> port = broker.getChildByName(Port.class, portName);
        return port == null ? -1 : ((AmqpPort<?>) port).getBoundPort();
    }

    @Override
    public void close() {
        loader.run(() -> {
            launcher.shutdown();
            return null;
        });
    }

    private static void stopQuietly(SystemLauncher launcher) {
        if (launcher != null) {
            try {
                launcher.shutdown();
            } catch (RuntimeException | Error ignored) {
                // the start already failed; its cause is what the caller needs to see
            }
        }
    }

    private static final class StartListener extends SystemLauncherListener.DefaultSystemLauncherListener {
        final AtomicReference<Broker<?>> broker = new AtomicReference<>();
        final AtomicReference<RuntimeException> error = new AtomicReference<>();

        @Override
        public void onContainerResolve(SystemConfig<?> systemConfig) {
            broker.set((Broker<?>) systemConfig.getContainer());
        }

        @Override
        public void errorOnStartup(RuntimeException e) {
            error.set(e);
        }
    }
}
