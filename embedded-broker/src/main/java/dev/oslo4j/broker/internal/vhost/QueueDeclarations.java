package dev.oslo4j.broker.internal.vhost;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What clients asked for when they declared each queue: RabbitMQ compares a redeclaration against it
 * (406 PRECONDITION_FAILED on any difference), and Broker-J's own model keeps no record of the
 * RabbitMQ-only arguments ({@code x-queue-type}, {@code x-expires}, …).
 */
public final class QueueDeclarations {

    /**
     * @param durable    the declared {@code durable} flag
     * @param exclusive  the declared {@code exclusive} flag
     * @param autoDelete the declared {@code auto-delete} flag
     * @param arguments  the RabbitMQ arguments that take part in equivalence checks, as declared
     */
    public record Declared(boolean durable, boolean exclusive, boolean autoDelete, Map<String, Object> arguments) {
        public Declared {
            arguments = Map.copyOf(arguments);
        }
    }

    private final Map<String, Declared> byQueue = new ConcurrentHashMap<>();

    public Declared get(String queue) {
        return byQueue.get(queue);
    }

    public void put(String queue, Declared declared) {
        byQueue.put(queue, declared);
    }

    public void remove(String queue) {
        byQueue.remove(queue);
    }

    /** Keeps only the queues that still exist (after a restart dropped the non-durable ones). */
    void retainOnly(Set<String> queues) {
        byQueue.keySet().retainAll(queues);
    }

    void clear() {
        byQueue.clear();
    }
}
