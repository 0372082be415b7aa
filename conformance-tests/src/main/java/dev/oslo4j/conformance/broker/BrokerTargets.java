package dev.oslo4j.conformance.broker;

import java.util.concurrent.atomic.AtomicBoolean;

import com.rabbitmq.client.Connection;

import dev.oslo4j.testsupport.Requirements;

/**
 * Which brokers the conformance suite runs against, from the environment:
 * {@code oslo4j.conformance.url} (system property, set by {@code oslo4j conformance --url}) replaces both;
 * otherwise the embedded broker and the RabbitMQ at {@code OSLO4J_RABBITMQ_URL}
 * (default {@code rabbit://guest:guest@127.0.0.1:5672/}), which must answer an AMQP login if
 * {@code OSLO4J_REQUIRE_RABBITMQ=1} (both read by test-support's {@link Requirements}).
 */
public final class BrokerTargets {

    public static final String URL_PROPERTY = "oslo4j.conformance.url";

    private static final AtomicBoolean SKIP_REPORTED = new AtomicBoolean();

    private BrokerTargets() {
    }

    /** The single broker given with {@code --url}, or null. */
    public static String conformanceUrl() {
        String url = System.getProperty(URL_PROPERTY);
        return url == null || url.isBlank() ? null : url.trim();
    }

    /** Whether RabbitMQ answered an AMQP login; the reason when it did not. */
    record Availability(boolean reachable, String reason) {
    }

    static Availability probeRabbitMq() {
        TransportUrl url = TransportUrl.parse(Requirements.rabbitMqUrl());
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
                    + "(set " + Requirements.RABBITMQ_URL_ENV + " to point elsewhere, or " + Requirements.REQUIRE_RABBITMQ_ENV
                    + "=1 to fail instead)");
        }
    }
}
