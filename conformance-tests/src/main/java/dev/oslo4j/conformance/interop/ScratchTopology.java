package dev.oslo4j.conformance.interop;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Unique names for one test's topics, exchanges, servers and pools, and the clean-up of every
 * queue and exchange oslo derives from them (the broker may be shared, e.g. a real RabbitMQ).
 * oslo leaves {@code <topic>}, {@code <topic>.<server>} and {@code <topic>.<priority>} queues
 * behind on purpose; fanout queues and exchanges go with their servers, reply queues expire.
 */
public final class ScratchTopology implements AutoCloseable {
    /** The queues a notifier or listener declares per topic: {@code <topic>.<priority>}. */
    private static final List<String> PRIORITIES = List.of("audit", "debug", "info", "warn", "error", "critical",
            "sample");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String transportUrl;
    private final String prefix;
    private final Set<String> queues = new LinkedHashSet<>();
    private final Set<String> exchanges = new LinkedHashSet<>();

    /** @param transportUrl the oslo transport URL of the broker to clean up (its first host is used) */
    public ScratchTopology(String transportUrl) {
        this.transportUrl = transportUrl;
        this.prefix = "oslo4j-it-" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36).toLowerCase(Locale.ROOT);
    }

    /** A fresh topic; its topic queue, fanout exchange and notification queues are cleaned up. */
    public String topic(String hint) {
        String topic = prefix + "-" + hint;
        queues.add(topic);
        PRIORITIES.forEach(p -> queues.add(topic + "." + p));
        exchanges.add(topic + "_fanout");
        return topic;
    }

    /** A server name on {@code topic}; its {@code <topic>.<server>} queue is cleaned up. */
    public String server(String topic, String server) {
        queues.add(topic + "." + server);
        return server;
    }

    /** A fresh exchange name (RPC target exchange or control exchange), deleted afterwards. */
    public String exchange(String hint) {
        String exchange = prefix + "-" + hint;
        exchanges.add(exchange);
        return exchange;
    }

    /** A fresh listener pool name; the pool's queue (named exactly so) is deleted afterwards. */
    public String pool(String hint) {
        String pool = prefix + "-" + hint;
        queues.add(pool);
        return pool;
    }

    /** Deletes every registered queue and exchange; a missing one is fine. */
    @Override
    public void close() throws IOException, TimeoutException {
        ConnectionFactory factory = RawAmqp.factory(transportUrl);
        try (Connection connection = factory.newConnection("oslo4j-scratch-cleanup")) {
            for (String queue : queues) {
                try (Channel channel = connection.createChannel()) {
                    channel.queueDelete(queue);
                }
            }
            for (String exchange : exchanges) {
                try (Channel channel = connection.createChannel()) {
                    channel.exchangeDelete(exchange);
                }
            }
        }
    }
}
