package dev.oslo4j.conformance.interop;

import com.rabbitmq.client.Connection;
import dev.oslo4j.conformance.broker.BrokerUnderTest;
import dev.oslo4j.conformance.python.PeerConfig;
import dev.oslo4j.messaging.MessagingOptions;
import dev.oslo4j.messaging.Transport;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeoutException;

/**
 * One interop test's resources on one broker: unique names ({@link #names}), Java transports and Python
 * peers, all closed in reverse order by {@link #close()} (the broker then deletes what the names left).
 */
final class Interop implements AutoCloseable {
    final OsloNames names;
    private final BrokerUnderTest broker;
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();

    private Interop(BrokerUnderTest broker) {
        this.broker = broker;
        this.names = new OsloNames(broker);
    }

    /** On the broker under test (embedded, RabbitMQ, or {@code --url}). */
    static Interop on(BrokerUnderTest broker) {
        return new Interop(broker);
    }

    /** The broker's transport URL, as given to both Java and Python. */
    String transportUrl() {
        return broker.transportUrl();
    }

    /** A Java transport with oslo's defaults except short-lived transient queues (as for the Python peers). */
    Transport javaTransport() {
        return track(Transport.open(transportUrl(), javaOptions().build()));
    }

    /** As {@link #javaTransport()}, with this control exchange (where its notifier sends). */
    Transport javaTransport(String controlExchange) {
        return track(Transport.open(transportUrl(), javaOptions().controlExchange(controlExchange).build()));
    }

    private static MessagingOptions.Builder javaOptions() {
        return MessagingOptions.builder().set("rabbit_transient_queues_ttl", InteropPeers.TRANSIENT_QUEUES_TTL_SECONDS);
    }

    /** A plain amqp-client connection to the broker (closed after the test), for raw publishing. */
    Connection rawConnection() throws IOException, TimeoutException {
        return broker.connect();
    }

    /** A Python peer configuration for this broker. */
    PeerConfig python() {
        return InteropPeers.config(transportUrl());
    }

    /** Closes {@code resource} with this test, before the names are cleaned up. */
    <T extends AutoCloseable> T track(T resource) {
        resources.push(resource);
        return resource;
    }

    @Override
    public void close() throws Exception {
        Exception first = null;
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
