package dev.oslo4j.junit.internal;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * In the build's {@code rabbitmq-management-api} run (rabbitmqctl hidden from the PATH), proves that the
 * RabbitMQ mode really runs through the management API; in the {@code rabbitmq} run, through rabbitmqctl.
 */
class RabbitAdminChoiceTest {

    /** Set by the surefire execution: the administration its RabbitMQ run must use. */
    static final String EXPECTED = "oslo4j.test.expectedAdmin";

    @Test
    void theRunUsesTheAdministrationItWasSetUpFor() {
        String expected = System.getProperty(EXPECTED);
        Settings settings = Settings.defaults();
        assumeTrue(expected != null && settings.brokerUrl() != null, "not a RabbitMQ run that names its administration");
        try (Backends.Handle handle = Backends.acquire(settings)) {
            assertThat(handle.backend().describe()).contains(expected);
        }
        if (expected.startsWith("management API")) {
            assertThat(new RabbitmqCtl(List.of("rabbitmqctl")).available())
                    .as("rabbitmqctl must be hidden from this run's PATH: " + System.getenv("PATH")).isFalse();
        }
    }
}
