package dev.oslo4j.broker;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import dev.oslo4j.broker.internal.BrokerRuntime;
import dev.oslo4j.broker.internal.BrokerSettings;

/**
 * An in-process AMQP 0-9-1 broker (Apache Qpid Broker-J) that behaves like RabbitMQ where oslo.messaging
 * and the RabbitMQ clients depend on it: relative per-message TTL, RabbitMQ queue arguments
 * ({@code x-expires}, {@code x-message-ttl}, {@code x-max-length}, {@code x-dead-letter-exchange},
 * {@code x-queue-type}, …), AMQPLAIN and PLAIN login, reject/nack without requeue discards, 406 on an
 * inequivalent redeclaration, idempotent deletes, channel-level errors, consumer cancel notification, and
 * RabbitMQ's order of {@code basic.return} and confirms. What cannot be emulated is listed in
 * {@code docs/differences-from-rabbitmq.md}.
 *
 * <pre>{@code
 * try (EmbeddedBroker broker = EmbeddedBroker.start()) {           // 127.0.0.1, ephemeral port, guest/guest
 *     String url = broker.transportUrl();                          // rabbit://guest:guest@127.0.0.1:41234/
 *     try (VirtualHostLease vhost = broker.leaseVirtualHost()) {   // an empty vhost for one test
 *         ... vhost.transportUrl() ...
 *     }
 * }
 * }</pre>
 *
 * <p>By default the broker binds to the loopback address and requires the configured credentials. Nothing
 * is written to disk; no system property is left set; closing stops every thread it started. Thread-safe.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private final BrokerRuntime runtime;
    private volatile Thread shutdownHook;

    private EmbeddedBroker(BrokerRuntime runtime) {
        this.runtime = runtime;
    }

    /** Starts a broker on 127.0.0.1 with an ephemeral port, user {@code guest}, password {@code guest}. */
    public static EmbeddedBroker start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The address the AMQP port is bound to. */
    public String host() {
        return runtime.settings().host();
    }

    /** The AMQP port (the actual one when an ephemeral port was asked for). */
    public int port() {
        return runtime.settings().port();
    }

    /** The AMQPS port, or -1 when TLS was not configured. */
    public int tlsPort() {
        BrokerSettings.Tls tls = runtime.settings().tls();
        return tls == null ? -1 : tls.port();
    }

    public String user() {
        return runtime.settings().user();
    }

    public String password() {
        return runtime.settings().password();
    }

    /** {@code rabbit://user:password@host:port/} — the default virtual host {@code "/"}. */
    public String transportUrl() {
        return transportUrl("/");
    }

    /** {@code rabbit://user:password@host:port/<virtualHost>}, the virtual host percent-encoded. */
    public String transportUrl(String virtualHost) {
        Objects.requireNonNull(virtualHost, "virtualHost");
        String host = host().contains(":") ? "[" + host() + "]" : host();
        String path = virtualHost.equals("/") ? "" : encode(virtualHost);
        return "rabbit://" + encode(user()) + ":" + encode(password()) + "@" + host + ":" + port() + "/" + path;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Creates a virtual host clients can reach by {@code name}; does nothing if it exists. */
    public void createVirtualHost(String name) {
        runtime.createVirtualHost(name);
    }

    /** Deletes a virtual host (its connections are closed with 320); does nothing if it does not exist. */
    public void deleteVirtualHost(String name) {
        runtime.deleteVirtualHost(name);
    }

    /**
     * Lends an empty virtual host under a name never used before, for one test. Cheap (a pooled virtual
     * host; the first few are created on demand). Closing the lease resets and returns it.
     */
    public VirtualHostLease leaseVirtualHost() {
        BrokerRuntime.Lease lease = runtime.lease();
        String url = transportUrl(lease.name());
        return new VirtualHostLease() {
            @Override
            public String name() {
                return lease.name();
            }

            @Override
            public String transportUrl() {
                return url;
            }

            @Override
            public void close() {
                lease.release();
            }

            @Override
            public String toString() {
                return "VirtualHostLease[" + lease.name() + "]";
            }
        };
    }

    /**
     * Stops and starts the broker on the same port(s), as a RabbitMQ node restart: every connection is
     * closed (320), non-durable queues and exchanges and transient messages are gone, durable queues,
     * exchanges, bindings and persistent messages on durable queues are kept. Publish listeners stay.
     */
    public void restart() {
        runtime.restart();
    }

    /**
     * Restarts one virtual host as its clients would see a RabbitMQ node restart, leaving every other virtual
     * host and its connections alone — so a test on a leased virtual host can restart "the broker" while
     * other tests share it. Every connection to {@code virtualHost} is closed ({@code connection.close 320
     * CONNECTION_FORCED}; recovering clients reconnect); its non-durable queues, exchanges and bindings and
     * its transient messages are gone; durable queues, exchanges and bindings and persistent messages on
     * durable queues are kept, as are its publish listeners and its name. When this returns the virtual host
     * accepts connections again; a client connecting during the restart is refused and may retry.
     *
     * @param virtualHost {@code "/"}, a created virtual host or a lease name
     * @throws EmbeddedBrokerException if the broker has no such virtual host (the message names it) or it
     *                                 did not come back
     * @throws IllegalStateException   if the broker is closed
     */
    public void restartVirtualHost(String virtualHost) {
        runtime.restartVirtualHost(virtualHost);
    }

    /**
     * Closes every client connection, in every virtual host, with {@code connection.close 320
     * CONNECTION_FORCED} (as {@code rabbitmqctl close_all_connections}); returns once they are closed.
     */
    public void dropConnections() {
        runtime.dropConnections();
    }

    /** Like {@link #dropConnections()}, for one virtual host. */
    public void dropConnections(String virtualHost) {
        runtime.dropConnections(virtualHost);
    }

    /**
     * Counts the connections, channels, consumers and queues of {@code virtualHost} ({@code "/"}, a created
     * virtual host or a lease name) right now.
     */
    public VirtualHostStatistics statistics(String virtualHost) {
        return runtime.statistics(virtualHost);
    }

    /**
     * Calls {@code listener} for every message published to {@code virtualHost} ({@code "/"}, a created
     * virtual host or a lease name), unroutable ones included, until the returned recording is closed.
     */
    public PublishRecording onPublish(String virtualHost, PublishListener listener) {
        return runtime.onPublish(virtualHost, listener);
    }

    /**
     * Closes the broker when the JVM shuts down (SIGINT, SIGTERM, normal exit). For running it in the
     * foreground, together with {@link #awaitClose()}.
     */
    public EmbeddedBroker closeOnJvmShutdown() {
        if (shutdownHook == null) {
            Thread hook = new Thread(this::close, "oslo4j-broker-shutdown");
            shutdownHook = hook;
            Runtime.getRuntime().addShutdownHook(hook);
        }
        return this;
    }

    /** Blocks until {@link #close()} was called (by another thread or a shutdown hook). */
    public void awaitClose() throws InterruptedException {
        runtime.awaitClosed();
    }

    /** Stops the broker and every thread it started. Idempotent. */
    @Override
    public void close() {
        runtime.close();
        Thread hook = shutdownHook;
        if (hook != null && hook != Thread.currentThread()) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already shutting down; the hook is running or has run
            }
        }
    }

    @Override
    public String toString() {
        return "EmbeddedBroker[" + host() + ":" + port() + (tlsPort() > 0 ? ", tls " + tlsPort() : "") + "]";
    }

    /** Options for {@link EmbeddedBroker}; every one has a safe default. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private String user = "guest";
        private String password = "guest";
        private boolean anonymous;
        private Path keyStore;
        private char[] keyStorePassword;
        private int tlsPort;
        private Path trustStore;
        private char[] trustStorePassword;
        private boolean needClientAuth;

        private Builder() {
        }

        /** The address to bind; {@code 127.0.0.1} by default. Binding elsewhere exposes the broker. */
        public Builder host(String host) {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("host must not be empty");
            }
            this.host = host;
            return this;
        }

        /** The AMQP port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = checkPort("port", port);
            return this;
        }

        public Builder user(String user) {
            if (user == null || user.isEmpty()) {
                throw new IllegalArgumentException("user must not be empty");
            }
            this.user = user;
            return this;
        }

        public Builder password(String password) {
            if (password == null) {
                throw new IllegalArgumentException("password must not be null");
            }
            this.password = password;
            return this;
        }

        /** Also offers SASL ANONYMOUS, logging in as the configured user. Off by default. */
        public Builder anonymousAccess(boolean allowed) {
            this.anonymous = allowed;
            return this;
        }

        /** Opens an AMQPS port (ephemeral unless {@link #tlsPort(int)}) with this PKCS12 key store. */
        public Builder tls(Path keyStore, char[] password) {
            this.keyStore = requireReadable("TLS key store", keyStore);
            this.keyStorePassword = Objects.requireNonNull(password, "TLS key store password").clone();
            return this;
        }

        public Builder tlsPort(int port) {
            this.tlsPort = checkPort("TLS port", port);
            return this;
        }

        /** Requires client certificates issued by a certificate in this PKCS12 trust store. */
        public Builder tlsClientAuth(Path trustStore, char[] password) {
            return tlsClientAuth(trustStore, password, true);
        }

        /** Asks for client certificates; {@code required=false} accepts clients without one. */
        public Builder tlsClientAuth(Path trustStore, char[] password, boolean required) {
            this.trustStore = requireReadable("TLS trust store", trustStore);
            this.trustStorePassword = Objects.requireNonNull(password, "TLS trust store password").clone();
            this.needClientAuth = required;
            return this;
        }

        public EmbeddedBroker start() {
            if (trustStore != null && keyStore == null) {
                throw new IllegalStateException("tlsClientAuth needs tls(keyStore, password) as well");
            }
            BrokerSettings.Tls tls = keyStore == null ? null : new BrokerSettings.Tls(tlsPort, keyStore,
                    new String(keyStorePassword), trustStore,
                    trustStorePassword == null ? null : new String(trustStorePassword), needClientAuth);
            return new EmbeddedBroker(BrokerRuntime.start(
                    new BrokerSettings(host, port, user, password, anonymous, tls)));
        }

        private static int checkPort(String what, int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException(what + " must be between 0 and 65535, got " + port);
            }
            return port;
        }

        private static Path requireReadable(String what, Path path) {
            Objects.requireNonNull(path, what);
            if (!Files.isReadable(path)) {
                throw new IllegalArgumentException(what + " " + path + " does not exist or is not readable");
            }
            return path;
        }
    }
}
