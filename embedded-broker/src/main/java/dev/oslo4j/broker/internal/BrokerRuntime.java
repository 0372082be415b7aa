package dev.oslo4j.broker.internal;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.apache.qpid.server.model.VirtualHost;
import org.apache.qpid.server.model.VirtualHostNode;
import org.apache.qpid.server.virtualhost.QueueManagingVirtualHost;

import dev.oslo4j.broker.EmbeddedBroker;
import dev.oslo4j.broker.EmbeddedBrokerException;
import dev.oslo4j.broker.PublishListener;
import dev.oslo4j.broker.PublishRecording;
import dev.oslo4j.broker.VirtualHostStatistics;
import dev.oslo4j.broker.internal.vhost.RabbitVirtualHost;
import dev.oslo4j.broker.internal.vhost.VirtualHostState;

/**
 * The moving parts behind {@link EmbeddedBroker}: the current Broker-J instance, the virtual hosts clients
 * know, the lease pool, restarts. Lifecycle operations (restart, close) exclude everything else; the rest
 * run concurrently.
 */
public final class BrokerRuntime {

    /** Node of the default virtual host, {@code "/"} to clients. */
    static final String DEFAULT_NODE = "oslo4j.default";
    private static final String POOL_NODE_PREFIX = "oslo4j.pool.";
    private static final String RESERVED_PREFIX = "oslo4j.";
    private static final String LEASE_PREFIX = "oslo4j-t";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final BrokerState state = new BrokerState();
    private final PluginClassLoader loader = new PluginClassLoader(EmbeddedBroker.class.getClassLoader());
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    /** Every node, in creation order, the default first: what a restart recreates. */
    private final Set<String> nodes = new LinkedHashSet<>();
    private final Deque<String> idlePool = new ArrayDeque<>();
    private final AtomicInteger poolNodes = new AtomicInteger();
    private final AtomicInteger leases = new AtomicInteger();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile BrokerSettings settings;
    private volatile BrokerInstance instance;

    private BrokerRuntime(BrokerSettings settings) {
        this.settings = settings;
    }

    public static BrokerRuntime start(BrokerSettings settings) {
        ClassWarmup.startOnce(EmbeddedBroker.class.getClassLoader());
        BrokerRuntime runtime = new BrokerRuntime(settings);
        runtime.nodes.add(DEFAULT_NODE);
        runtime.state.virtualHost(DEFAULT_NODE).clientName("/");
        UncaughtExceptionGuard.brokerStarting();
        try {
            runtime.startInstance();
        } catch (RuntimeException | Error e) {
            runtime.state.unregister();
            UncaughtExceptionGuard.brokerStopped();
            throw e;
        }
        return runtime;
    }

    private void startInstance() {
        BrokerInstance started = BrokerInstance.start(state, settings, List.copyOf(nodes), loader);
        int port = started.boundPort("AMQP");
        settings = settings.withPort(port);
        if (settings.tls() != null) {
            settings = settings.withTlsPort(started.boundPort("AMQPS"));
        }
        instance = started;
    }

    private void awaitPortsBindable() {
        PortRebind.awaitBindable(settings.host(), settings.port());
        if (settings.tls() != null) {
            PortRebind.awaitBindable(settings.host(), settings.tls().port());
        }
    }

    public BrokerSettings settings() {
        return settings;
    }

    // --- virtual hosts -------------------------------------------------------------------------------

    public void createVirtualHost(String name) {
        validateName(name);
        withInstance(() -> {
            synchronized (nodes) {
                if (nodes.contains(name)) {
                    return;
                }
                instance.createNode(name, false);
                nodes.add(name);
            }
            state.virtualHost(name).clientName(name);
            state.mapClientName(name, name);
        });
    }

    public void deleteVirtualHost(String name) {
        validateName(name);
        withInstance(() -> {
            synchronized (nodes) {
                if (!nodes.remove(name)) {
                    return;
                }
            }
            state.unmapClientName(name);
            VirtualHostNode<?> node = node(name);
            if (node != null) {
                instance.loader().run(() -> {
                    node.delete();
                    return null;
                });
            }
            state.forgetVirtualHost(name);
        });
    }

    private static void validateName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("virtual host name must not be empty");
        }
        if (name.equals("/")) {
            throw new IllegalArgumentException("virtual host '/' is the default one; it always exists");
        }
        if (name.startsWith(RESERVED_PREFIX) || name.startsWith(LEASE_PREFIX)) {
            throw new IllegalArgumentException("virtual host name '" + name + "' uses a prefix reserved by oslo4j ('"
                    + RESERVED_PREFIX + "', '" + LEASE_PREFIX + "')");
        }
    }

    // --- leases --------------------------------------------------------------------------------------

    /** An empty pooled virtual host under a fresh name; {@link Lease#close()} empties and returns it. */
    public Lease lease() {
        lifecycle.readLock().lock();
        try {
            checkOpen();
            String node;
            synchronized (idlePool) {
                node = idlePool.poll();
            }
            if (node == null) {
                node = POOL_NODE_PREFIX + poolNodes.incrementAndGet();
                String created = node;
                synchronized (nodes) {
                    instance.createNode(created, false);
                    nodes.add(created);
                }
            }
            String name = LEASE_PREFIX + leases.incrementAndGet() + "-" + Integer.toString(RANDOM.nextInt(1 << 20), 36);
            state.virtualHost(node).clientName(name);
            state.mapClientName(name, node);
            return new Lease(this, name, node);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    void release(Lease lease) {
        lifecycle.readLock().lock();
        try {
            state.unmapClientName(lease.name());
            if (instance == null) {
                return;
            }
            RabbitVirtualHost vhost = rabbitVirtualHost(lease.node());
            if (vhost != null) {
                instance.loader().run(() -> {
                    VirtualHostReset.empty(vhost);
                    return null;
                });
            }
            state.virtualHost(lease.node()).clientName(lease.node());
            synchronized (idlePool) {
                idlePool.push(lease.node());
            }
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    // --- faults ----------------------------------------------------------------------------------------

    public void dropConnections() {
        withInstance(() -> {
            List<String> all;
            synchronized (nodes) {
                all = new ArrayList<>(nodes);
            }
            for (String node : all) {
                VirtualHost<?> vhost = virtualHostOf(node);
                if (vhost instanceof RabbitVirtualHost r) {
                    instance.loader().run(() -> {
                        VirtualHostReset.dropConnections(r);
                        return null;
                    });
                }
            }
        });
    }

    public void dropConnections(String clientName) {
        withInstance(() -> {
            RabbitVirtualHost vhost = rabbitVirtualHost(nodeFor(clientName));
            if (vhost != null) {
                instance.loader().run(() -> {
                    VirtualHostReset.dropConnections(vhost);
                    return null;
                });
            }
        });
    }

    public VirtualHostStatistics statistics(String clientName) {
        String node = nodeFor(clientName);
        lifecycle.readLock().lock();
        try {
            checkOpen();
            QueueManagingVirtualHost<?> vhost = virtualHostOf(node) instanceof QueueManagingVirtualHost<?> q ? q : null;
            if (vhost == null) {
                throw new EmbeddedBrokerException("virtual host '" + clientName + "' is not running");
            }
            return instance.loader().run(() -> VirtualHostReset.statistics(vhost));
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /**
     * Stops Broker-J and starts it again on the same ports: connections are closed, non-durable queues and
     * exchanges and transient messages vanish, durable ones and persistent messages on durable queues stay.
     */
    public void restart() {
        lifecycle.writeLock().lock();
        try {
            checkOpen();
            state.retainOnClose(true);
            try {
                instance.close();
            } finally {
                state.retainOnClose(false);
                instance = null;
            }
            try {
                awaitPortsBindable();
                startInstance();
            } catch (RuntimeException | Error e) {
                UncaughtExceptionGuard.brokerStopped();
                throw e;
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    /**
     * Restarts one virtual host as a RabbitMQ node restart looks to its clients; see
     * {@link EmbeddedBroker#restartVirtualHost(String)}. Other virtual hosts keep running.
     */
    public void restartVirtualHost(String clientName) {
        withInstance(() -> {
            String node = nodeFor(clientName);
            VirtualHostState vhost = state.virtualHost(node);
            // One restart of a given virtual host at a time: the retain flag and the node's state are shared.
            synchronized (vhost.restartLock()) {
                vhost.restartRetainingDurableState(() -> instance.restartNode(node, clientName));
            }
        });
    }

    // --- recording -------------------------------------------------------------------------------------

    public PublishRecording onPublish(String clientName, PublishListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("listener must not be null");
        }
        String node = nodeFor(clientName);
        return state.virtualHost(node).recorder().add(listener, clientName);
    }

    private String nodeFor(String clientName) {
        if (clientName == null) {
            throw new IllegalArgumentException("virtual host name must not be null");
        }
        if (clientName.equals("/") || clientName.isEmpty()) {
            return DEFAULT_NODE;
        }
        String node = state.nodeForClientName(clientName);
        if (node == null) {
            throw new EmbeddedBrokerException("the embedded broker has no virtual host '" + clientName + "'");
        }
        return node;
    }

    // --- lifecycle -------------------------------------------------------------------------------------

    public void close() {
        lifecycle.writeLock().lock();
        try {
            BrokerInstance running = instance;
            instance = null;
            if (running != null) {
                try {
                    running.close();
                } finally {
                    UncaughtExceptionGuard.brokerStopped();
                }
            }
            state.unregister();
        } finally {
            closed.countDown();
            lifecycle.writeLock().unlock();
        }
    }

    public boolean isClosed() {
        return closed.getCount() == 0;
    }

    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    private void withInstance(Runnable action) {
        lifecycle.readLock().lock();
        try {
            checkOpen();
            action.run();
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private void checkOpen() {
        if (instance == null) {
            throw new IllegalStateException("the embedded broker is closed");
        }
    }

    private VirtualHostNode<?> node(String name) {
        return instance.broker().getChildByName(VirtualHostNode.class, name);
    }

    private VirtualHost<?> virtualHostOf(String nodeName) {
        VirtualHostNode<?> node = node(nodeName);
        return node == null ? null : node.getVirtualHost();
    }

    private RabbitVirtualHost rabbitVirtualHost(String nodeName) {
        return virtualHostOf(nodeName) instanceof RabbitVirtualHost r ? r : null;
    }

    /** A pooled virtual host lent out under {@link #name()}. */
    public static final class Lease {
        private final BrokerRuntime runtime;
        private final String name;
        private final String node;
        private final java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();

        private Lease(BrokerRuntime runtime, String name, String node) {
            this.runtime = runtime;
            this.name = name;
            this.node = node;
        }

        public String name() {
            return name;
        }

        String node() {
            return node;
        }

        public void release() {
            if (released.compareAndSet(false, true) && !runtime.isClosed()) {
                runtime.release(this);
            }
        }
    }
}
