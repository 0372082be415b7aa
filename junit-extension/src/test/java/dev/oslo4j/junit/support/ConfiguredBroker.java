package dev.oslo4j.junit.support;

import dev.oslo4j.junit.internal.Backends;
import dev.oslo4j.junit.internal.BrokerUnavailable;
import dev.oslo4j.junit.internal.Settings;
import dev.oslo4j.testsupport.Requirements;

/**
 * For tests that run example classes through the test kit: the broker those examples will use must answer, or the
 * test is skipped with the reason (failed under {@code OSLO4J_REQUIRE_RABBITMQ=1}) — as the extension itself does.
 */
public final class ConfiguredBroker {

    private ConfiguredBroker() {
    }

    public static void assumeAvailable() {
        try {
            Backends.acquire(Settings.defaults()).close();
        } catch (BrokerUnavailable e) {
            Requirements.skipOrFail(Requirements.REQUIRE_RABBITMQ_ENV, e.getMessage());
        }
    }

    /** Whether the tests of this run use a real RabbitMQ (OSLO4J_TEST_TRANSPORT_URL names one). */
    public static boolean isRabbitMq() {
        return Settings.defaults().brokerUrl() != null;
    }
}
