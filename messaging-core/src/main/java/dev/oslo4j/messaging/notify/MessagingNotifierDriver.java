package dev.oslo4j.messaging.notify;

import dev.oslo4j.messaging.Priority;
import dev.oslo4j.messaging.driver.Driver;
import dev.oslo4j.messaging.driver.NotificationAddress;
import dev.oslo4j.messaging.wire.NotificationMessage;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * oslo's {@code messagingv2} (2.0 envelope) and {@code messaging} (1.0, bare) drivers: one publish per topic to
 * {@code <topic>.<priority>} on the exchange (the control exchange unless set), via the transport's driver.
 */
final class MessagingNotifierDriver implements NotifierDriver {

    private final String name;
    private final Driver driver;
    private final List<NotificationAddressFactory> topics;
    private final boolean enveloped;

    /** Pre-built addresses per priority for one topic. */
    private record NotificationAddressFactory(NotificationAddress[] byPriority) {
        static NotificationAddressFactory of(String exchange, String topic) {
            NotificationAddress[] a = new NotificationAddress[Priority.values().length];
            for (Priority p : Priority.values()) {
                a[p.ordinal()] = new NotificationAddress(exchange, topic, p.routingName());
            }
            return new NotificationAddressFactory(a);
        }
    }

    MessagingNotifierDriver(String name, Driver driver, String exchange, List<String> topics, boolean enveloped) {
        this.name = name;
        this.driver = driver;
        this.topics = topics.stream().map(t -> NotificationAddressFactory.of(exchange, t)).toList();
        this.enveloped = enveloped;
    }

    @Override
    public CompletableFuture<Void> notify(NotificationMessage message, Priority priority, int retry) {
        if (topics.size() == 1) {
            return send(topics.get(0).byPriority()[priority.ordinal()], message, retry);
        }
        CompletableFuture<?>[] all = new CompletableFuture<?>[topics.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = send(topics.get(i).byPriority()[priority.ordinal()], message, retry);
        }
        return CompletableFuture.allOf(all);
    }

    private CompletableFuture<Void> send(NotificationAddress address, NotificationMessage message, int retry) {
        try {
            return driver.notify(address, message, enveloped, retry);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public String name() {
        return name;
    }
}
