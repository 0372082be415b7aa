package dev.oslo4j.messaging.notify;

import dev.oslo4j.messaging.driver.Driver;

import dev.oslo4j.messaging.InvalidConfiguration;
import dev.oslo4j.messaging.NotificationRecorder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds notifier drivers by oslo's names: {@code messagingv2}, {@code messaging}, {@code log}, {@code noop},
 * {@code test}, {@code routing}.
 */
public final class NotifierDrivers {

    /** Every built-in driver name. */
    public static final Set<String> NAMES = Set.of("messagingv2", "messaging", "log", "noop", "test", "routing");

    private NotifierDrivers() {
    }

    /**
     * What the drivers of one notifier share.
     *
     * @param driver    the transport's driver (may be null when no messaging notifier driver is used)
     * @param exchange  null for the transport's {@code control_exchange}
     * @param topics    the notification topics
     * @param recorder  for {@code test}
     * @param routing   for {@code routing} (null when it is not used)
     */
    public record Settings(Driver driver, String exchange, List<String> topics, NotificationRecorder recorder,
                           RoutingConfig routing) {
    }

    /**
     * @throws InvalidConfiguration for an unknown name, a messaging driver without a transport, or a routing
     *     driver without (or with an invalid) routing config
     */
    public static NotifierDriver create(String name, Settings s) {
        return switch (name) {
            case "messagingv2" -> messaging(name, s, true);
            case "messaging" -> messaging(name, s, false);
            case "log" -> new LogNotifierDriver();
            case "noop" -> new NoopNotifierDriver();
            case "test" -> new TestNotifierDriver(s.recorder() != null ? s.recorder() : NotificationRecorder.shared());
            case "routing" -> routing(s);
            default -> throw new InvalidConfiguration("unknown notification driver '" + name + "' (known: "
                    + "messagingv2, messaging, log, noop, test, routing)");
        };
    }

    private static NotifierDriver messaging(String name, Settings s, boolean enveloped) {
        if (s.driver() == null) {
            throw new InvalidConfiguration("notification driver '" + name + "' needs a transport; the notifier was"
                    + " built without one");
        }
        if (s.topics().isEmpty()) {
            throw new InvalidConfiguration("notification driver '" + name + "' needs at least one topic");
        }
        return new MessagingNotifierDriver(name, s.driver(), s.exchange(), s.topics(), enveloped);
    }

    private static NotifierDriver routing(Settings s) {
        RoutingConfig config = s.routing();
        if (config == null) {
            throw new InvalidConfiguration("notification driver 'routing' needs a routing config"
                    + " (Notifier.Builder.routingConfig)");
        }
        Map<String, NotifierDriver> targets = new LinkedHashMap<>();
        for (String name : config.driverNames()) {
            if (name.equals("routing")) {
                throw new InvalidConfiguration("notification routing config " + config.source()
                        + " routes to 'routing' itself; name the drivers to route to");
            }
            if (!NAMES.contains(name)) {
                throw new InvalidConfiguration("notification routing config " + config.source()
                        + " names unknown driver '" + name + "' (known: messagingv2, messaging, log, noop, test)");
            }
            targets.put(name, create(name, s));
        }
        return new RoutingNotifierDriver(config, targets);
    }
}
