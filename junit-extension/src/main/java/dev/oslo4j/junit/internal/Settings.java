package dev.oslo4j.junit.internal;

import dev.oslo4j.messaging.TransportURL;
import dev.oslo4j.messaging.MessagingOptions;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The effective configuration of one test: defaults, then the extension's builder, then annotations from the
 * outermost class to the method. Immutable.
 *
 * @param awaitTimeout how long assertions wait
 * @param quietPeriod  how long negative assertions watch
 * @param options      oslo options (by oslo name) for the test's transport URL, in order
 * @param brokerUrl    a RabbitMQ URL, or null for the embedded broker
 * @param dedicated    whether the test gets an embedded broker of its own instead of a view of the shared one
 */
public record Settings(Duration awaitTimeout, Duration quietPeriod, Map<String, String> options, String brokerUrl,
                       boolean dedicated) {

    public static final Duration DEFAULT_AWAIT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_QUIET_PERIOD = Duration.ofMillis(200);
    /** Selects the in-process broker explicitly, even when the environment names a RabbitMQ. */
    public static final String EMBEDDED = "embedded";
    public static final String URL_ENV = "OSLO4J_TEST_TRANSPORT_URL";

    public Settings {
        Objects.requireNonNull(awaitTimeout, "awaitTimeout");
        Objects.requireNonNull(quietPeriod, "quietPeriod");
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** The defaults, with the broker chosen by {@code OSLO4J_TEST_TRANSPORT_URL}. */
    public static Settings defaults() {
        String env = System.getenv(URL_ENV);
        return new Settings(DEFAULT_AWAIT_TIMEOUT, DEFAULT_QUIET_PERIOD, Map.of(),
                env == null || env.isBlank() || env.trim().equals(EMBEDDED) ? null : env.trim(), false);
    }

    public Settings withAwaitTimeout(Duration timeout) {
        return new Settings(positive("await timeout", timeout), quietPeriod, options, brokerUrl, dedicated);
    }

    public Settings withQuietPeriod(Duration period) {
        return new Settings(awaitTimeout, positive("quiet period", period), options, brokerUrl, dedicated);
    }

    public Settings withOption(String name, String value) {
        Map<String, String> merged = new LinkedHashMap<>(options);
        merged.remove(name);
        merged.put(name, value);
        Settings s = new Settings(awaitTimeout, quietPeriod, merged, brokerUrl, dedicated);
        s.messagingOptions();
        return s;
    }

    /** @param url {@code "embedded"} or a RabbitMQ URL */
    public Settings withBroker(String url) {
        String u = Objects.requireNonNull(url, "url").trim();
        if (!u.equals(EMBEDDED) && !u.startsWith("rabbit://") && !u.startsWith("kombu://")
                && !u.startsWith("amqp://")) {
            throw new IllegalArgumentException("transportUrl '" + u + "' is neither \"embedded\" nor a"
                    + " rabbit://user:password@host:port/ URL");
        }
        return new Settings(awaitTimeout, quietPeriod, options, u.equals(EMBEDDED) ? null : u, dedicated);
    }

    public Settings withDedicatedBroker(boolean dedicatedBroker) {
        return new Settings(awaitTimeout, quietPeriod, options, brokerUrl, dedicatedBroker);
    }

    /**
     * The options as oslo4j reads them.
     *
     * @throws dev.oslo4j.messaging.InvalidConfiguration naming the option when one is unknown or malformed
     */
    public MessagingOptions messagingOptions() {
        return MessagingOptions.defaults().withOverrides(options, "@OsloBrokerConfig");
    }

    public String controlExchange() {
        return messagingOptions().controlExchange();
    }

    /** {@code ?name=value&…} for the transport URL, or empty. */
    public String query() {
        if (options.isEmpty()) {
            return "";
        }
        StringBuilder q = new StringBuilder();
        options.forEach((k, v) -> q.append(q.isEmpty() ? '?' : '&').append(encode(k)).append('=').append(encode(v)));
        return q.toString();
    }

    /** Passwords masked. */
    @Override
    public String toString() {
        return "Settings[awaitTimeout=" + awaitTimeout + ", quietPeriod=" + quietPeriod + ", options=" + options
                + ", broker=" + (brokerUrl == null ? EMBEDDED : maskedBrokerUrl()) + (dedicated ? " (dedicated)" : "")
                + "]";
    }

    /** The RabbitMQ URL with its password masked. */
    public String maskedBrokerUrl() {
        try {
            return TransportURL.parse(brokerUrl).toString();
        } catch (RuntimeException e) {
            return brokerUrl.replaceAll(":[^:@/]*@", ":****@");
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Duration positive(String what, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + d);
        }
        return d;
    }
}
