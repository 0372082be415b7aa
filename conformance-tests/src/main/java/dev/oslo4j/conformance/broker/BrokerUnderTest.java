package dev.oslo4j.conformance.broker;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Assumptions;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

import dev.oslo4j.broker.VirtualHostStatistics;

/**
 * One broker a conformance test runs against: the embedded broker, a real RabbitMQ, or any broker given
 * by URL ({@code oslo4j conformance --url}). Injected by {@link OnEveryBroker}; one instance per test
 * invocation, and everything it hands out (connections, leases, dedicated virtual hosts, names registered
 * for deletion) is cleaned up after the test.
 *
 * <p>Isolation: on the embedded broker {@link #transportUrl()} points at a virtual host of its own (a lease);
 * on a shared RabbitMQ it is vhost {@code /}, so tests must use {@link #uniqueName(String)} for every queue
 * and exchange and clean them up ({@link #deleteQueueAfterTest}, or exclusive/auto-delete queues).
 */
public interface BrokerUnderTest {

    /** {@code "embedded"}, {@code "rabbitmq"} or {@code "url"}. */
    String name();

    /** The oslo transport URL for this test, e.g. {@code rabbit://guest:guest@127.0.0.1:5672/}. */
    String transportUrl();

    /** The virtual host {@link #transportUrl()} names ({@code "/"} for the default one). */
    String virtualHost();

    /** A raw amqp-client factory for {@link #transportUrl()} (automatic recovery off, 5 s timeouts). */
    ConnectionFactory connectionFactory();

    /** A new connection from {@link #connectionFactory()}, closed after the test. */
    Connection connect() throws IOException, TimeoutException;

    /** A name no other test (or run) uses: {@code oslo4j-conf-<hint>-<random>}. */
    String uniqueName(String hint);

    /** Deletes this queue after the test (if it still exists). */
    void deleteQueueAfterTest(String queue);

    /** Deletes this exchange after the test (if it still exists). */
    void deleteExchangeAfterTest(String exchange);

    /** Whether {@link #restart()} works here (the embedded broker with {@code dedicated = true}). */
    boolean supportsRestart();

    /** Restarts the broker as a RabbitMQ node restart would. */
    void restart();

    /** Whether {@link #dropConnections()} works here. */
    boolean supportsDropConnections();

    /** Closes every client connection of this test's virtual host with 320 CONNECTION_FORCED. */
    void dropConnections();

    /**
     * The same broker seen through a virtual host created for this test alone (embedded: a lease; RabbitMQ:
     * {@code rabbitmqctl add_vhost} + permissions for the URL's user, deleted after the test), on which
     * {@link #dropConnections()} is supported.
     */
    BrokerUnderTest withDedicatedVirtualHost();

    /** Whether {@link #statistics()} works here (embedded; RabbitMQ in a dedicated virtual host). */
    boolean supportsStatistics();

    /**
     * Counts the connections, channels, consumers and queues of this test's virtual host, as the broker sees
     * them (embedded: its model; RabbitMQ: {@code rabbitmqctl list_*}, about 3 s). For leak checks.
     */
    VirtualHostStatistics statistics();

    /** Skips the test (with the reason) unless {@link #restart()} is supported. */
    default void assumeRestartSupported() {
        Assumptions.assumeTrue(supportsRestart(),
                () -> "[" + name() + "] cannot be restarted by a test (embedded broker with @OnEveryBroker(dedicated = true) only)");
    }

    /** Skips the test (with the reason) unless {@link #dropConnections()} is supported. */
    default void assumeDropConnectionsSupported() {
        Assumptions.assumeTrue(supportsDropConnections(),
                () -> "[" + name() + "] cannot drop connections here (needs a dedicated virtual host; not possible with --url)");
    }
}
