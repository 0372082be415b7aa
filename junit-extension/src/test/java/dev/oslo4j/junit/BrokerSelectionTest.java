package dev.oslo4j.junit;

import dev.oslo4j.junit.support.ConfiguredBroker;
import dev.oslo4j.messaging.TransportURL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** The broker tests get is the one OSLO4J_TEST_TRANSPORT_URL names (or the embedded one without it). */
@ExtendWith(OsloBroker.class)
class BrokerSelectionTest {

    @Test
    void theEnvironmentChoosesTheBroker(@OsloUrl String url, OsloBus bus) {
        TransportURL parsed = TransportURL.parse(url);
        if (ConfiguredBroker.isRabbitMq()) {
            TransportURL configured = TransportURL.parse(System.getenv("OSLO4J_TEST_TRANSPORT_URL"));
            assertThat(parsed.effectiveHosts()).isEqualTo(configured.effectiveHosts());
            assertThat(parsed.effectiveVirtualHost()).startsWith("oslo4j-test-");
            assertThat(bus.toString()).contains("RabbitMQ rabbit://guest:****@");
        } else {
            assertThat(parsed.effectiveVirtualHost()).startsWith("oslo4j-t");
            assertThat(bus.toString()).contains("embedded broker 127.0.0.1:");
        }
        assertThat(bus.toString()).doesNotContain(":guest@");
    }
}
