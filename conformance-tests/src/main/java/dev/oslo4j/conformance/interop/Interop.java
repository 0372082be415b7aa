package dev.oslo4j.conformance.interop;

import com.rabbitmq.client.Connection;
import dev.oslo4j.conformance.python.PeerConfig;
import dev.oslo4j.messaging.MessagingOptions;
import dev.oslo4j.messaging.Transport;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeoutException;

/**
 * One interop test's resources on one broker: unique names ({@link #names}), Java transports and
 * Python peers, all closed (in reverse order) and cleaned up by {@link #close()}.
 */
final class Interop implements AutoCloseable {
    final ScratchTopology names;
    private final String transportUrl;
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();

    private Interop(String transportUrl) {
        this.transportUrl = transportUrl;
        this.names = new ScratchTopology(transportUrl);
    }

    /** On the broker with this transport URL. */
    static Interop on(String transportUrl) {
        return new Interop(transportUrl);
    }

    /**
     * On the broker named by the system property {@code oslo4j.conformance.url} (as {@code oslo4j conformance
     * --url} sets it), else on the shared RabbitMQ (skipped when it is not running).
     */
    static Interop onLocalRabbitMq() {
        String url = System.getProperty("oslo4j.conformance.url");
        if (url != null && !url.isBlank()) {
            return on(url);
        }
        LocalRabbitMq.assumeRunning();
        return on(LocalRabbitMq.TRANSPORT_URL);
    }

    /** The broker's transport URL, as given to both Java and Python. */
    String transportUrl() {
        return transportUrl;
    }

    /** A Java transport with oslo's defaults except short-lived transient queues (as for the Python peers). */
    Transport javaTransport() {
        return track(Transport.open(transportUrl, javaOptions().build()));
    }

    /** As {@link #javaTransport()}, with this control exchange (where its notifier sends). */
    Transport javaTransport(String controlExchange) {
        return track(Transport.open(transportUrl, javaOptions().controlExchange(controlExchange).build()));
    }

    private static MessagingOptions.Builder javaOptions() {
        return MessagingOptions.builder().rabbitTransientQueuesTtl(InteropPeers.TRANSIENT_QUEUES_TTL_SECONDS);
    }

    /** A plain amqp-client connection to this broker (closed with the test), for raw publishing. */
    Connection rawConnection() throws IOException, TimeoutException {
        return track(RawAmqp.factory(transportUrl).newConnection("oslo4j-interop-raw"));
    }

    /** A Python peer configuration for this broker. */
    PeerConfig python() {
        return InteropPeers.config(transportUrl);
    }

    /** Closes {@code resource} with this test (before the names are cleaned up). */
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
        names.close();
        if (first != null) {
            throw first;
        }
    }
}
