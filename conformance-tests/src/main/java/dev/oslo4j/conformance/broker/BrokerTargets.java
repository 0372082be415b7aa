package dev.oslo4j.conformance.broker;

import java.util.concurrent.atomic.AtomicBoolean;

import com.rabbitmq.client.Connection;

/**
 * Which brokers the conformance suite runs against, from the environment:
 * {@code oslo4j.conformance.url} (system property, set by {@code oslo4j conformance --url}) replaces both;
 * otherwise the embedded broker and the RabbitMQ at {@code OSLO4J_RABBITMQ_URL}
 * (default {@value #DEFAULT_RABBITMQ_URL}), which must be reachable if {@code OSLO4J_REQUIRE_RABBITMQ=1}.
 */
public final class BrokerTargets {

    public static final String URL_PROPERTY = "oslo4j.conformance.url";
    public static final String RABBITMQ_URL_ENV = "OSLO4J_RABBITMQ_URL";
    public static final String REQUIRE_RABBITMQ_ENV = "OSLO4J_REQUIRE_RABBITMQ";
    public static final String DEFAULT_RABBITMQ_URL = "rabbit://guest:guest@127.0.0.1:5672/";

    private static final AtomicBoolean SKIP_REPORTED = new AtomicBoolean();

    private BrokerTargets() {
    }

    /** The single broker given with {@code --url}, or null. */
    public static String conformanceUrl() {
        String url = System.getProperty(URL_PROPERTY);
        return url == null || url.isBlank() ? null : url.trim();
    }

    public static String rabbitMqUrl() {
        String url = System.getenv(RABBITMQ_URL_ENV);
        return url == null || url.isBlank() ? DEFAULT_RABBITMQ_URL : url.trim();
    }

    public static boolean rabbitMqRequired() {
        return isSet(System.getenv(REQUIRE_RABBITMQ_ENV));
    }

    static boolean isSet(String value) {
        return value != null && (value.equals("1") || value.equalsIgnoreCase("true") || value.equalsIgnoreCase("yes"));
    }

    /** Whether RabbitMQ answered an AMQP login; the reason when it did not. */
    record Availability(boolean reachable, String reason) {
    }

    static Availability probeRabbitMq() {
        TransportUrl url = TransportUrl.parse(rabbitMqUrl());
        try (Connection ignored = url.connectionFactory().newConnection("oslo4j-conformance-probe")) {
            return new Availability(true, null);
        } catch (Exception e) {
            return new Availability(false, "RabbitMQ at " + url.host() + ":" + url.port() + " is not reachable ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }

    /** Prints the skip reason once per JVM, so a laptop run says why without repeating it per test. */
    static void reportSkipOnce(String reason) {
        if (SKIP_REPORTED.compareAndSet(false, true)) {
            System.err.println("oslo4j conformance: " + reason + "; [rabbitmq] invocations are skipped "
                    + "(set " + RABBITMQ_URL_ENV + " to point elsewhere, or " + REQUIRE_RABBITMQ_ENV + "=1 to fail instead)");
        }
    }
}
