package dev.oslo4j.cli;

import dev.oslo4j.broker.EmbeddedBroker;
import dev.oslo4j.testsupport.Requirements;

/**
 * The brokers the CLI tests run against, by name: one embedded broker for the whole test JVM, or the shared
 * RabbitMQ (skipped with one line saying why when it does not answer, failed under {@code OSLO4J_REQUIRE_RABBITMQ=1};
 * see {@link Requirements}).
 */
public final class TestEnvironment {
    public static final String EMBEDDED = "embedded";
    public static final String RABBITMQ = "rabbitmq";

    private static EmbeddedBroker embedded;

    private TestEnvironment() {
    }

    /**
     * The URL of broker {@value #EMBEDDED} (started on first use) or {@value #RABBITMQ} (skips or fails as
     * {@link Requirements#requireRabbitMq()} does).
     */
    public static String broker(String name) {
        return switch (name) {
            case EMBEDDED -> embedded().transportUrl();
            case RABBITMQ -> Requirements.requireRabbitMq();
            default -> throw new IllegalArgumentException("unknown test broker " + name);
        };
    }

    private static synchronized EmbeddedBroker embedded() {
        if (embedded == null) {
            embedded = EmbeddedBroker.start().closeOnJvmShutdown();
        }
        return embedded;
    }
}
