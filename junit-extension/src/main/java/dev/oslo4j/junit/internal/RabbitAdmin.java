package dev.oslo4j.junit.internal;

import java.util.List;

/**
 * What the RabbitMQ mode needs from the broker's administration, beyond AMQP: virtual hosts for tests (with
 * permissions for the test user and the firehose tracer on), their deletion, and closing a virtual host's client
 * connections. Two ways to get it: {@link ManagementApi} (HTTP, the management plugin) and {@link RabbitmqCtl}.
 */
interface RabbitAdmin {

    /** How often tracing lost to a concurrent change is turned on again before creation fails. */
    int TRACING_PASSES = 5;

    /**
     * Held while creating or deleting virtual hosts: RabbitMQ changes its list of traced virtual hosts by an
     * unlocked read-modify-write, so this JVM makes its changes one at a time (the extension's creator and deleter
     * threads, tests that administer RabbitMQ themselves). Other processes can still race; creation reads tracing
     * back for that.
     */
    Object TRACING_CHANGES = new Object();

    /** Creates the virtual hosts, grants {@code user} everything on them and turns tracing on. */
    void createVirtualHosts(List<String> vhosts, String user);

    /** Deletes the virtual hosts with everything in them; absent ones are no error. */
    void deleteVirtualHosts(List<String> vhosts);

    /** Closes every client connection of {@code vhost} (the client sees 320 CONNECTION_FORCED). */
    void closeConnections(String vhost, String reason);

    /** e.g. {@code management API http://127.0.0.1:15672/} or {@code rabbitmqctl}; never a password. */
    String describe();
}
