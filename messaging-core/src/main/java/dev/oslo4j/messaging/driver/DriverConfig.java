package dev.oslo4j.messaging.driver;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link DriverFactory} opens a driver with: the transport URL's parts and the effective options.
 *
 * @param scheme      the URL's scheme as written (one of the factory's {@link DriverFactory#schemes()})
 * @param hosts       the URL's hosts, at least one ({@code localhost} when the URL names none)
 * @param virtualHost percent-decoded virtual host, {@code /} when the URL names none
 * @param options     every known option by oslo name, typed (String, Integer, Double, Boolean or null), the
 *                    URL's query already applied and the scheme's implied options
 *                    ({@link DriverFactory#impliedOptions}) under it
 * @param explicit    the names of options set by the user rather than defaulted
 * @param url         the URL for messages, passwords masked
 */
public record DriverConfig(String scheme, List<BrokerHost> hosts, String virtualHost, Map<String, Object> options,
                           Set<String> explicit, String url) {

    public DriverConfig {
        Objects.requireNonNull(scheme, "scheme");
        hosts = List.copyOf(hosts);
        Objects.requireNonNull(virtualHost, "virtualHost");
        options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
        explicit = Set.copyOf(explicit);
        Objects.requireNonNull(url, "url");
    }

    /** An option's value by oslo name; fails for a name the options do not hold (a driver bug, not user input). */
    public Object option(String name) {
        if (!options.containsKey(name)) {
            throw new IllegalArgumentException("option '" + name + "' is not among the transport's options");
        }
        return options.get(name);
    }

    @Override
    public String toString() {
        return "DriverConfig(" + url + ")";
    }
}
