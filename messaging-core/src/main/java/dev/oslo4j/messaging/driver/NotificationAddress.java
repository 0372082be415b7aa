package dev.oslo4j.messaging.driver;

import java.util.Objects;

/**
 * Where notifications of one priority go: exchange, and routing key / queue {@code <topic>.<priority>}.
 *
 * @param exchange null for the control exchange
 * @param topic    e.g. {@code notifications}
 * @param priority lower case as in routing keys: {@code audit, debug, info, warn, error, critical, sample}
 */
public record NotificationAddress(String exchange, String topic, String priority) {

    public NotificationAddress {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(priority, "priority");
    }

    /** {@code <topic>.<priority>}: the routing key, binding key and (shared) queue name. */
    public String routingKey() {
        return topic + "." + priority;
    }
}
