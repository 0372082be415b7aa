package dev.oslo4j.messaging;

import dev.oslo4j.messaging.driver.Driver;
import dev.oslo4j.messaging.driver.DriverConfig;
import dev.oslo4j.messaging.driver.DriverFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;

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

    private Transport(TransportURL url, MessagingOptions options, Driver driver, CompletionExecutor completions) {
        this.url = url;
        this.options = options;
        this.driver = driver;
        this.completions = completions;
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
     * The driver underneath (SPI). Application code uses {@link RpcClient}, {@link RpcServer} and the
     * notification API instead; this is for oslo4j's own modules and extensions.
     */
    public Driver driver() {
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
}
