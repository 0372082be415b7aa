package dev.oslo4j.conformance.interop;

import dev.oslo4j.conformance.broker.BrokerUnderTest;

import java.util.List;

/**
 * Unique names for one test's topics, exchanges, servers and pools, with every queue and exchange oslo
 * derives from them registered for deletion after the test (the broker may be a shared RabbitMQ): oslo
 * leaves {@code <topic>}, {@code <topic>.<server>} and {@code <topic>.<priority>} queues behind on purpose;
 * fanout queues go with their servers and reply queues expire.
 */
final class OsloNames {
    /** The queues notifiers and listeners declare per topic: {@code <topic>.<priority>}. */
    private static final List<String> PRIORITIES = List.of("audit", "debug", "info", "warn", "error", "critical",
            "sample");

    private final BrokerUnderTest broker;

    OsloNames(BrokerUnderTest broker) {
        this.broker = broker;
    }

    /** A fresh topic; its topic queue, fanout exchange and notification queues are deleted afterwards. */
    String topic(String hint) {
        String topic = broker.uniqueName(hint);
        broker.deleteQueueAfterTest(topic);
        PRIORITIES.forEach(p -> broker.deleteQueueAfterTest(topic + "." + p));
        broker.deleteExchangeAfterTest(topic + "_fanout");
        return topic;
    }

    /** A server name on {@code topic}; its {@code <topic>.<server>} queue is deleted afterwards. */
    String server(String topic, String server) {
        broker.deleteQueueAfterTest(topic + "." + server);
        return server;
    }

    /** A fresh exchange name (RPC target exchange or control exchange), deleted afterwards. */
    String exchange(String hint) {
        String exchange = broker.uniqueName(hint);
        broker.deleteExchangeAfterTest(exchange);
        return exchange;
    }

    /** A fresh listener pool name; the pool's queue (named exactly so) is deleted afterwards. */
    String pool(String hint) {
        String pool = broker.uniqueName(hint);
        broker.deleteQueueAfterTest(pool);
        return pool;
    }
}
