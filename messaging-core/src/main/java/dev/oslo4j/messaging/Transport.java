package dev.oslo4j.messaging;

import dev.oslo4j.messaging.driver.Driver;
import dev.oslo4j.messaging.driver.ConnectionState;
import dev.oslo4j.messaging.driver.DriverConfig;
import dev.oslo4j.messaging.driver.DriverFactory;
import dev.oslo4j.messaging.observe.Instrumentation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.Optional;

/**
 * A connection to the message bus (oslo's {@code Transport}): thread-safe, shared by every client, server,
 * notifier and listener of an application; close it when done. One set of connections and one reply queue per
 * transport.
 *
 * <pre>{@code
 * try (Transport transport = Transport.open("rabbit://nova:secret@rabbit1:5672,nova:secret@rabbit2:5672/nova")) {
 *     RpcClient client = RpcClient.builder(transport, Target.topic("compute")).build();
 *     JsonNode r = client.call(Map.of(), "get_info", Map.of("instance", "i-1"));
 * }
 * }</pre>
 *
 * <p>The URL's scheme picks the driver, as oslo's entry points do: {@code rabbit://} (and oslo's alias
 * {@code kombu://}; {@code amqps://} is {@code rabbit://} with {@code ssl=true}) for RabbitMQ, {@code fake://} for
 * oslo's in-memory driver (unit tests without a broker). Drivers are found on the class path through
 * {@link java.util.ServiceLoader} ({@link DriverFactory}). The URL's query options override
 * {@link MessagingOptions}. Opening a rabbit transport connects to the first reachable host (trying each once)
 * and fails with {@link BrokerConnectionError} explaining each host's failure.
 *
 * <p>The futures of {@link RpcClient#castAsync}, {@link RpcClient#callAsync} and {@link Notifier} complete on the
 * transport's completion pool: at most {@link #completionThreads()} daemon threads named
 * {@code oslo4j-completion-N}, never an AMQP I/O thread nor {@code CompletableFuture}'s default executor (which
 * starts a thread per task on a machine with two cores or fewer). Stages that block belong on an executor of
 * their own ({@code thenApplyAsync(fn, yours)}), or pass one to {@link #open(String, MessagingOptions, Executor)}.
 */
public final class Transport implements AutoCloseable {

    private final TransportURL url;
    private final MessagingOptions options;
    private final Driver driver;
    private final CompletionExecutor completions;
    private volatile Instrumentation instrumentation = Instrumentation.NONE;
    private final Map<ConnectionListener, ConnectionState.Listener> connectionListeners =
            new java.util.concurrent.ConcurrentHashMap<>();

    private Transport(TransportURL url, MessagingOptions options, Driver driver, CompletionExecutor completions) {
        this.url = url;
        this.options = options;
        this.driver = driver;
        this.completions = completions;
    }

    /**
     * A builder for a transport that also takes an {@code ObservationRegistry} (see {@link Builder}); the
     * {@code open} methods are shortcuts for transports without one.
     */
    public static Builder builder(String url) {
        return new Builder(TransportURL.parse(url));
    }

    /** {@link #builder(String)} from a parsed URL. */
    public static Builder builder(TransportURL url) {
        return new Builder(Objects.requireNonNull(url, "url"));
    }

    /** Opens a transport with default options. */
    public static Transport open(String url) {
        return open(url, MessagingOptions.defaults());
    }

    /** Opens a transport; the URL's query options override {@code options}. */
    public static Transport open(String url, MessagingOptions options) {
        return open(TransportURL.parse(url), options);
    }

    /**
     * Opens a transport whose asynchronous results complete on {@code completionExecutor} (e.g. virtual threads,
     * or the application's own pool) instead of the transport's completion pool. The transport never shuts it
     * down.
     */
    public static Transport open(String url, MessagingOptions options, Executor completionExecutor) {
        return open(TransportURL.parse(url), options, completionExecutor);
    }

    /** Opens a transport from a parsed URL; the URL's query options override {@code options}. */
    public static Transport open(TransportURL url, MessagingOptions options) {
        return open(url, options, null);
    }

    /**
     * Opens a transport from a parsed URL with a completion executor of the caller's (null: the transport's own
     * pool); the URL's query options override {@code options}.
     */
    public static Transport open(TransportURL url, MessagingOptions options, Executor completionExecutor) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(options, "options");
        Drivers drivers = Drivers.installed();
        DriverFactory factory = drivers.forScheme(url.transport());
        if (factory == null) {
            if ("amqp".equals(url.transport())) {
                throw new InvalidTransportURL("transport URL scheme 'amqp' selects oslo's AMQP 1.0 driver, which"
                        + " oslo4j does not implement; use rabbit:// for RabbitMQ (available: " + drivers.schemes()
                        + "): " + url);
            }
            throw new InvalidTransportURL("transport URL scheme '" + url.transport() + "' is not supported;"
                    + " available: " + drivers.schemes() + ": " + url);
        }
        Map<String, String> query = new LinkedHashMap<>(factory.impliedOptions(url.transport()));
        query.putAll(url.query());
        MessagingOptions effective = options.withOverrides(query, "transport URL");
        DriverConfig config = new DriverConfig(url.transport(),
                url.effectiveHosts().stream().map(TransportHost::toBrokerHost).toList(), url.effectiveVirtualHost(),
                effective.asMap(), effective.explicitlySet(), url.toString());
        return new Transport(url, effective, factory.open(config), new CompletionExecutor(completionExecutor));
    }

    /** The URL this transport was opened with ({@code toString()} masks passwords). */
    public TransportURL url() {
        return url;
    }

    /** The effective options (given options with the URL's query applied). */
    public MessagingOptions options() {
        return options;
    }

    /**
     * The driver underneath (SPI). Package-private: the driver SPI is internal to this module (see
     * module-info.java); the API types in this package reach it through here.
     */
    Driver driver() {
        return driver;
    }

    /**
     * Where asynchronous results complete: the executor given to {@code open}, or the transport's pool. For
     * oslo4j's own modules; applications chain their stages on the futures they get.
     */
    public Executor completionExecutor() {
        return completions;
    }

    CompletionExecutor completions() {
        return completions;
    }

    /** Threads of the transport's own completion pool (0 when the application supplied an executor). */
    public int completionThreads() {
        return completions.maxThreads();
    }

    /**
     * Whether the transport's connections are up: the send connection and, once a call, server or listener
     * opened it, the listen connection. False while reconnecting and after {@link #close()}.
     */
    public boolean isConnected() {
        return driver.connectionState().isConnected();
    }

    /** The broker host ({@code host:port}) the send connection is connected to; empty while disconnected. */
    public Optional<String> connectedHost() {
        return driver.connectionState().host();
    }

    /** Why the transport is not connected ({@code "listen connection to 10.0.0.5:5672 lost, reconnecting"}). */
    public Optional<String> connectionProblem() {
        return driver.connectionState().problem();
    }

    /**
     * Registers a listener for connection events (lost, recovered, failed over); events that happened before
     * are not replayed. See {@link ConnectionListener} for the threading rules.
     */
    public Transport addConnectionListener(ConnectionListener listener) {
        Objects.requireNonNull(listener, "listener");
        ConnectionState.Listener adapter = c -> listener.onConnectionEvent(new ConnectionEvent(
                ConnectionEvent.Type.valueOf(c.kind().name()), c.connection(), c.host(), c.previous(), c.reason(),
                c.at()));
        if (connectionListeners.putIfAbsent(listener, adapter) == null) {
            driver.connectionState().addListener(adapter);
        }
        return this;
    }

    public void removeConnectionListener(ConnectionListener listener) {
        ConnectionState.Listener adapter = connectionListeners.remove(listener);
        if (adapter != null) {
            driver.connectionState().removeListener(adapter);
        }
    }

    /** The observation seam (no-op without a registry); for RPC clients, servers, notifiers and listeners. */
    Instrumentation instrumentation() {
        return instrumentation;
    }

    /** Closes connections; pending calls fail with {@link MessagingException}. Idempotent. */
    @Override
    public void close() {
        driver.close();
        completions.close(); // after the driver: the failures of pending futures are still delivered
    }

    @Override
    public String toString() {
        return "Transport(" + url + ")";
    }

    /**
     * Opens a {@link Transport} with options and, optionally, a Micrometer {@code ObservationRegistry}:
     * <pre>{@code
     * Transport t = Transport.builder("rabbit://nova:secret@rabbit1:5672/")
     *         .options(MessagingOptions.builder().set("rpc_response_timeout", "30").build())
     *         .observationRegistry(registry)
     *         .open();
     * }</pre>
     * With a registry, RPC clients and servers, notifiers and listeners of this transport record the
     * observations {@code oslo.rpc.client}, {@code oslo.rpc.server}, {@code oslo.notify.send} and
     * {@code oslo.notify.receive} (docs/observability.md), and a tracing bridge on the registry propagates the
     * trace in AMQP headers ({@code traceparent}, {@code tracestate}). Without one, no Micrometer class is loaded.
     */
    public static final class Builder {
        private final TransportURL url;
        private MessagingOptions options = MessagingOptions.defaults();
        private Object registry;
        private Executor completionExecutor;

        private Builder(TransportURL url) {
            this.url = url;
        }

        /** Options; the URL's query options override them. */
        public Builder options(MessagingOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * The registry observations are recorded in; null for none. Typed {@code Object} in the field so this
         * class links without Micrometer on the class path.
         */
        public Builder observationRegistry(io.micrometer.observation.ObservationRegistry registry) {
            this.registry = registry;
            return this;
        }

        /**
         * Where asynchronous results complete (e.g. an application's executor); without one, the transport's own
         * bounded pool. See {@link Transport#open(TransportURL, MessagingOptions, Executor)}.
         */
        public Builder completionExecutor(Executor executor) {
            this.completionExecutor = executor;
            return this;
        }

        /** Connects; see {@link Transport#open(TransportURL, MessagingOptions, Executor)}. */
        public Transport open() {
            Instrumentation observing = Instrumentation.of(registry);
            Transport t = Transport.open(url, options, completionExecutor);
            t.instrumentation = observing;
            return t;
        }
    }
}
