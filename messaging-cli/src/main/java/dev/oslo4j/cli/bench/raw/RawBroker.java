package dev.oslo4j.cli.bench.raw;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.oslo4j.messaging.TransportHost;
import dev.oslo4j.messaging.TransportURL;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/**
 * How the bare amqp-client baselines reach the broker, and the message properties they publish with —
 * the ones oslo.messaging sets (JSON content type, persistent), so that the broker does the same work.
 */
public final class RawBroker {
    static final AMQP.BasicProperties PROPERTIES = new AMQP.BasicProperties.Builder()
            .contentType("application/json").contentEncoding("utf-8").deliveryMode(2).priority(0).build();

    private final ConnectionFactory factory;

    public RawBroker(ConnectionFactory factory) {
        this.factory = factory;
    }

    /**
     * The bare-client connection to the first host of an oslo transport URL, with its credentials and
     * virtual host as oslo derives them. (TLS options are not carried over: the baselines are for plain
     * AMQP brokers.)
     */
    public static RawBroker forUrl(TransportURL url) {
        TransportHost host = url.effectiveHosts().get(0);
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(host.hostname());
        factory.setPort(host.effectivePort());
        factory.setUsername(host.effectiveUsername());
        factory.setPassword(host.effectivePassword());
        factory.setVirtualHost(url.effectiveVirtualHost());
        return new RawBroker(factory);
    }

    /**
     * Deletes what a benchmark run left on the broker (queues and exchanges whose names it chose). Missing
     * ones are fine: RabbitMQ treats deleting them as success.
     */
    public void delete(java.util.List<String> queues, java.util.List<String> exchanges)
            throws IOException, TimeoutException {
        delete(queues, exchanges, false);
    }

    /**
     * Deletes those of the queues that are empty and have no consumer (others may share them on a broker that
     * outlives us), and the exchanges.
     */
    public void deleteIfUnused(java.util.List<String> queues, java.util.List<String> exchanges)
            throws IOException, TimeoutException {
        delete(queues, exchanges, true);
    }

    private void delete(java.util.List<String> queues, java.util.List<String> exchanges, boolean onlyUnused)
            throws IOException, TimeoutException {
        try (Connection connection = connect("cleanup")) {
            for (String queue : queues) {
                // One channel per delete: a refused conditional delete closes its channel (406).
                var channel = connection.createChannel();
                try {
                    channel.queueDelete(queue, onlyUnused, onlyUnused);
                } catch (IOException refused) {
                    if (!onlyUnused) {
                        throw refused;
                    }
                } finally {
                    if (channel.isOpen()) {
                        channel.close();
                    }
                }
            }
            for (String exchange : exchanges) {
                try (var channel = connection.createChannel()) {
                    channel.exchangeDelete(exchange);
                }
            }
        }
    }

    Connection connect(String role) throws IOException, TimeoutException {
        return factory.newConnection("oslo4j-bench-raw-" + role);
    }

    /** A bare-client connection named {@code name} (in the management UI), for tools other than the bench. */
    public Connection connectNamed(String name) throws IOException, TimeoutException {
        return factory.newConnection(name);
    }

    /** A name no other run (or other user of a shared broker) has, for queues and exchanges of one run. */
    public static String uniqueName(String prefix) {
        return "oslo4j-bench-" + prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
