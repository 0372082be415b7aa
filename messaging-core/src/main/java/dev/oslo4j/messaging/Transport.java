package dev.oslo4j.messaging;

import dev.oslo4j.messaging.driver.Driver;
import dev.oslo4j.messaging.driver.DriverConfig;
import dev.oslo4j.messaging.driver.DriverFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

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
 */
public final class Transport implements AutoCloseable {

    private final TransportURL url;
    private final MessagingOptions options;
    private final Driver driver;

    private Transport(TransportURL url, MessagingOptions options, Driver driver) {
        this.url = url;
        this.options = options;
        this.driver = driver;
    }

    /** Opens a transport with default options. */
    public static Transport open(String url) {
        return open(url, MessagingOptions.defaults());
    }

    /** Opens a transport; the URL's query options override {@code options}. */
    public static Transport open(String url, MessagingOptions options) {
        return open(TransportURL.parse(url), options);
    }

    /** Opens a transport from a parsed URL; the URL's query options override {@code options}. */
    public static Transport open(TransportURL url, MessagingOptions options) {
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
        return new Transport(url, effective, factory.open(config));
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

    /** Closes connections; pending calls fail with {@link MessagingException}. Idempotent. */
    @Override
    public void close() {
        driver.close();
    }

    @Override
    public String toString() {
        return "Transport(" + url + ")";
    }
}
