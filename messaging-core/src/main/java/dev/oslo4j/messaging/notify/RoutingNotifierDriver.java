package dev.oslo4j.messaging.notify;

import dev.oslo4j.messaging.Priority;
import dev.oslo4j.messaging.wire.NotificationMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * oslo's {@code routing} driver: sends each notification to the drivers its {@link RoutingConfig} accepts for the
 * event type and priority (nothing when none does).
 */
final class RoutingNotifierDriver implements NotifierDriver {

    private static final Logger LOG = LoggerFactory.getLogger(RoutingNotifierDriver.class);

    private final RoutingConfig config;
    private final Map<String, NotifierDriver> drivers;

    RoutingNotifierDriver(RoutingConfig config, Map<String, NotifierDriver> drivers) {
        this.config = config;
        this.drivers = Map.copyOf(drivers);
    }

    @Override
    public CompletableFuture<Void> notify(NotificationMessage message, Priority priority, int retry) {
        List<String> targets = config.driversFor(message.eventType(), priority);
        if (targets.isEmpty()) {
            LOG.debug("no route for '{}' notification at {} in {}", message.eventType(), priority, config);
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<?>[] sent = new CompletableFuture<?>[targets.size()];
        for (int i = 0; i < sent.length; i++) {
            LOG.debug("Routing '{}' notification to '{}' driver", message.eventType(), targets.get(i));
            sent[i] = drivers.get(targets.get(i)).notify(message, priority, retry);
        }
        return CompletableFuture.allOf(sent);
    }

    @Override
    public String name() {
        return "routing";
    }
}
