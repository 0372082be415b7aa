package dev.oslo4j.messaging;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessagingOptionsTest {

    @Test
    void defaultsAreOslo14s() {
        MessagingOptions o = MessagingOptions.defaults();
        assertThat(o.controlExchange()).isEqualTo("openstack");
        assertThat(o.rpcResponseTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(o.executorThreadPoolSize()).isEqualTo(64);
        assertThat(o.rpcPingEnabled()).isFalse();
        assertThat(o.get("rabbit_qos_prefetch_count")).as("drivers' options by oslo name").isEqualTo(0);
        assertThat(o.get("ssl_enforce_hostname_verification")).as("oslo4j verifies host names by default")
                .isEqualTo(true);
    }

    @Test
    void setByOsloNameConvertsLikeOsloConfig() {
        MessagingOptions o = MessagingOptions.builder()
                .set("amqp_durable_queues", "yes")
                .set("rabbit_qos_prefetch_count", "10")
                .set("kombu_reconnect_delay", "0.5")
                .set("rabbit_ha_queues", "0")
                .build();
        assertThat(o.get("amqp_durable_queues")).isEqualTo(true);
        assertThat(o.get("rabbit_qos_prefetch_count")).isEqualTo(10);
        assertThat(o.get("kombu_reconnect_delay")).isEqualTo(0.5);
        assertThat(o.get("rabbit_ha_queues")).isEqualTo(false);
    }

    @Test
    void fourteenSpellingAndHeadSpellingOfQuorumMemoryOptions() {
        MessagingOptions o = MessagingOptions.builder().set("rabbit_quroum_max_memory_length", 5)
                .set("rabbit_quorum_max_memory_bytes", "7").build();
        assertThat(o.get("rabbit_quroum_max_memory_length")).isEqualTo(5);
        assertThat(o.get("rabbit_quorum_max_memory_bytes")).isEqualTo(7);
    }

    @Test
    void urlQueryOverridesOptions() {
        MessagingOptions o = MessagingOptions.builder().set("rabbit_qos_prefetch_count", 3).build()
                .withOverrides(Map.of("rabbit_qos_prefetch_count", "9"), "transport URL");
        assertThat(o.get("rabbit_qos_prefetch_count")).isEqualTo(9);
    }

    @Test
    void invalidValuesNameTheOption() {
        assertThatThrownBy(() -> MessagingOptions.builder().set("rabbit_qos_prefetch_count", "many"))
                .isInstanceOf(InvalidConfiguration.class)
                .hasMessageContaining("'rabbit_qos_prefetch_count'").hasMessageContaining("integer");
        assertThatThrownBy(() -> MessagingOptions.builder().set("rabbit_transient_queues_ttl", -1))
                .isInstanceOf(InvalidConfiguration.class).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> MessagingOptions.builder().set("rpc_response_timeout", -1))
                .isInstanceOf(InvalidConfiguration.class).hasMessageContaining("'rpc_response_timeout'");
        assertThatThrownBy(() -> MessagingOptions.builder().set("kombu_failover_strategy", "random"))
                .isInstanceOf(InvalidConfiguration.class).hasMessageContaining("round-robin");
        assertThatThrownBy(() -> MessagingOptions.builder().set("kombu_reconnect_delay", 5))
                .isInstanceOf(InvalidConfiguration.class).hasMessageContaining("<= 4.5");
        assertThatThrownBy(() -> MessagingOptions.builder().set("kombu_compression", "lzma"))
                .isInstanceOf(InvalidConfiguration.class).hasMessageContaining("gzip");
    }

    @Test
    void unknownOptionSuggestsTheNearestName() {
        assertThatThrownBy(() -> MessagingOptions.builder().set("heartbeat_timeout", 5))
                .isInstanceOf(InvalidConfiguration.class)
                .hasMessage("messaging option 'heartbeat_timeout' is unknown; did you mean 'heartbeat_timeout_threshold'?");
        assertThatThrownBy(() -> MessagingOptions.builder().set("zzz", 5))
                .isInstanceOf(InvalidConfiguration.class).hasMessage("messaging option 'zzz' is unknown");
    }

    @Test
    void incompatibleCombinationsAreRefused() {
        assertThatThrownBy(() -> MessagingOptions.builder().set("rabbit_quorum_queue", true)
                .set("rabbit_ha_queues", true).build())
                .isInstanceOf(InvalidConfiguration.class).hasMessageContaining("rabbit_ha_queues");
        assertThatThrownBy(() -> MessagingOptions.builder().set("rabbit_login_method", "RABBIT-CR-DEMO").build())
                .isInstanceOf(InvalidConfiguration.class);
    }

    @Test
    void remoteExceptionsAreMappedOnlyWhenAllowListed() {
        class InstanceNotFound extends RuntimeException {
            InstanceNotFound(String m) {
                super(m);
            }
        }
        MessagingOptions o = MessagingOptions.builder()
                .mapRemoteException("nova.exception", "InstanceNotFound", r -> new InstanceNotFound(r.value()))
                .mapRemoteException("builtins", "KeyError", r -> new IllegalArgumentException(r.value()))
                .build();
        RemoteError nova = RemoteError.builder("nova.exception", "InstanceNotFound").message("gone").build();
        assertThat(o.rebuildRemoteException(nova)).isInstanceOf(InstanceNotFound.class).hasMessage("gone");
        RemoteError other = RemoteError.builder("nova.exception", "Other").message("x").build();
        assertThat(o.rebuildRemoteException(other)).isSameAs(other);
        RemoteError legacyModule = RemoteError.builder("exceptions", "KeyError").message("k").build();
        assertThat(o.rebuildRemoteException(legacyModule)).isInstanceOf(IllegalArgumentException.class);
        assertThat(o.toString()).contains("nova.exception:InstanceNotFound");
    }

    @Test
    void toStringShowsOnlyChangedOptions() {
        assertThat(MessagingOptions.builder().controlExchange("nova").build().toString())
                .isEqualTo("MessagingOptions{control_exchange=nova}");
    }
}
