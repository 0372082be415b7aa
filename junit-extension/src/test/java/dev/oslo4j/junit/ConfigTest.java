package dev.oslo4j.junit;

import dev.oslo4j.messaging.MessagingTimeout;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import dev.oslo4j.messaging.TransportURL;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link OsloBrokerConfig} on classes and methods, and {@link OsloBroker#builder()}. */
class ConfigTest {

    @Nested
    @ExtendWith(OsloBroker.class)
    @OsloBrokerConfig(awaitTimeoutMillis = 1500, quietPeriodMillis = 50, controlExchange = "nova")
    class Annotated {

        @Test
        void classSettingsApply(Transport transport, OsloBus bus, @OsloUrl String url) {
            assertThat(bus.awaitTimeout()).isEqualTo(Duration.ofMillis(1500));
            assertThat(bus.quietPeriod()).isEqualTo(Duration.ofMillis(50));
            assertThat(TransportURL.parse(url).query()).containsEntry("control_exchange", "nova");
            assertThat(transport.options().controlExchange()).isEqualTo("nova");

            RpcClient.builder(transport, Target.topic("compute")).build().cast(Map.of(), "ping", Map.of());
            assertThat(bus.casts()).singleElement().satisfies(c -> assertThat(c.exchange()).isEqualTo("nova"));
            bus.assertCastReceived(Target.topic("compute"), "ping");
            bus.assertNoCast(Target.topic("compute").withExchange("openstack"), "ping");
        }

        @Test
        @OsloBrokerConfig(awaitTimeoutMillis = 700, options = {"rpc_response_timeout=1", "amqp_durable_queues=true"})
        void methodSettingsOverrideAttributeByAttribute(Transport transport, OsloBus bus, @OsloUrl String url) {
            assertThat(bus.awaitTimeout()).isEqualTo(Duration.ofMillis(700));
            assertThat(bus.quietPeriod()).as("inherited from the class").isEqualTo(Duration.ofMillis(50));
            assertThat(TransportURL.parse(url).query())
                    .containsEntry("control_exchange", "nova")
                    .containsEntry("rpc_response_timeout", "1")
                    .containsEntry("amqp_durable_queues", "true");

            RpcClient client = RpcClient.builder(transport, Target.topic("nobody")).build();
            assertThatThrownBy(() -> client.call(Map.of(), "hello", Map.of())).isInstanceOf(MessagingTimeout.class);
            assertThat(bus.assertCalled(Target.topic("nobody"), "hello").single().expiration()).isEqualTo("1000");
        }

        @Nested
        @OsloBrokerConfig(quietPeriodMillis = 75)
        class Inner {
            @Test
            void innerClassesInheritAndOverride(OsloBus bus) {
                assertThat(bus.awaitTimeout()).isEqualTo(Duration.ofMillis(1500));
                assertThat(bus.quietPeriod()).isEqualTo(Duration.ofMillis(75));
            }
        }
    }

    @Nested
    class Registered {

        @RegisterExtension
        final OsloBroker broker = OsloBroker.builder()
                .awaitTimeout(Duration.ofSeconds(2))
                .quietPeriod(Duration.ofMillis(30))
                .controlExchange("cinder")
                .option("rpc_response_timeout", "3")
                .build();

        @Test
        void builderSettingsApply(OsloBus bus, @OsloUrl String url) {
            assertThat(bus.awaitTimeout()).isEqualTo(Duration.ofSeconds(2));
            assertThat(bus.quietPeriod()).isEqualTo(Duration.ofMillis(30));
            assertThat(TransportURL.parse(url).query()).containsEntry("control_exchange", "cinder")
                    .containsEntry("rpc_response_timeout", "3");
        }

        @Test
        @OsloBrokerConfig(controlExchange = "glance")
        void annotationsOverrideTheBuilder(OsloBus bus, @OsloUrl String url) {
            assertThat(TransportURL.parse(url).query()).containsEntry("control_exchange", "glance");
            assertThat(bus.awaitTimeout()).isEqualTo(Duration.ofSeconds(2));
        }
    }

    @Nested
    @ExtendWith(OsloBroker.class)
    @OsloBrokerConfig(transportUrl = "embedded")
    class ForcedEmbedded {
        @Test
        void theEmbeddedBrokerCanBeForcedWhateverTheEnvironmentSays(@OsloUrl String url) {
            assertThat(TransportURL.parse(url).effectiveVirtualHost()).startsWith("oslo4j-t");
            assertThat(TransportURL.parse(url).effectiveHosts().get(0).hostname()).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void builderRejectsNonsense() {
        assertThatThrownBy(() -> OsloBroker.builder().awaitTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("await timeout must be positive, got PT0S");
        assertThatThrownBy(() -> OsloBroker.builder().transportUrl("amqp1://x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("neither \"embedded\" nor a rabbit://");
        assertThatThrownBy(() -> OsloBroker.builder().option("rabbit_qos_prefetch_count", "lots"))
                .hasMessageContaining("rabbit_qos_prefetch_count");
    }
}
