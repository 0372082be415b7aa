package dev.oslo4j.messaging;

import java.util.Locale;
import java.util.Optional;

/**
 * Notification priorities (docs/wire-protocol.md §9.1, §9.4). On the wire a priority travels upper case in the message body
 * ({@link #wireName()}, e.g. {@code "WARN"}) and lower case in routing keys, queue names and listener method
 * names ({@link #routingName()}, e.g. {@code "warn"}). Python writes {@code WARN}, never {@code WARNING}.
 */
public enum Priority {
    AUDIT, DEBUG, INFO, WARN, ERROR, CRITICAL, SAMPLE;

    private final String wire = name();
    private final String routing = name().toLowerCase(Locale.ROOT);

    /** Upper case, as in the notification body's {@code priority} field: {@code AUDIT}, …, {@code WARN}, …. */
    public String wireName() {
        return wire;
    }

    /** Lower case, as in routing keys ({@code notifications.warn}) and listener endpoint method names. */
    public String routingName() {
        return routing;
    }

    /**
     * The priority named {@code name} in any case; {@code warning} is accepted as {@link #WARN} (Python's logging
     * spelling, accepted on input as oslo's CLI does), never produced.
     *
     * @return empty for null or an unknown name
     */
    public static Optional<Priority> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "audit" -> Optional.of(AUDIT);
            case "debug" -> Optional.of(DEBUG);
            case "info" -> Optional.of(INFO);
            case "warn", "warning" -> Optional.of(WARN);
            case "error" -> Optional.of(ERROR);
            case "critical" -> Optional.of(CRITICAL);
            case "sample" -> Optional.of(SAMPLE);
            default -> Optional.empty();
        };
    }

    /**
     * Like {@link #find(String)} but strict.
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static Priority of(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown notification priority '" + name
                + "' (expected one of audit, debug, info, warn (or warning), error, critical, sample)"));
    }

    /**
     * The priority a listener dispatches a received {@code priority} field to: Python lower-cases it and knows
     * exactly the seven routing names, so {@code "warning"} is <em>not</em> a known priority there.
     *
     * @return empty for null or unknown values (oslo logs and acknowledges such notifications)
     */
    public static Optional<Priority> fromReceived(String wireValue) {
        if (wireValue == null) {
            return Optional.empty();
        }
        String lower = wireValue.toLowerCase(Locale.ROOT);
        for (Priority p : values()) {
            if (p.routing.equals(lower)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
