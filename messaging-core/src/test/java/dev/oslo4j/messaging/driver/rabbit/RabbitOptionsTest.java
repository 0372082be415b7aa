package dev.oslo4j.messaging.driver.rabbit;

import dev.oslo4j.messaging.InvalidConfiguration;
import dev.oslo4j.messaging.MessagingOptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rabbit driver reads its own options, oslo 14.0.3's defaults, from the transport's options by name. */
class RabbitOptionsTest {

    @Test
    void defaultsAreOslo14s() {
        RabbitOptions o = TopologyTest.rabbit(MessagingOptions.defaults());
        assertThat(o.controlExchange()).isEqualTo("openstack");
        assertThat(o.amqpDurableQueues()).isFalse();
        assertThat(o.amqpAutoDelete()).isFalse();
        assertThat(o.rabbitTransientQueuesTtl()).isEqualTo(1800);
        assertThat(o.rabbitQosPrefetchCount()).isZero();
        assertThat(o.heartbeatTimeoutThreshold()).isEqualTo(60);
        assertThat(o.kombuFailoverStrategy()).isEqualTo("round-robin");
        assertThat(o.rabbitRetryInterval()).isEqualTo(1);
        assertThat(o.rabbitRetryBackoff()).isEqualTo(2);
        assertThat(o.rabbitIntervalMax()).isEqualTo(30);
        assertThat(o.directMandatoryFlag()).isTrue();
        assertThat(o.kombuMissingConsumerRetryTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(o.rabbitLoginMethod()).isEqualTo("AMQPLAIN");
        assertThat(o.kombuCompression()).isNull();
        assertThat(o.rpcConnPoolSize()).isEqualTo(30);
        assertThat(o.sslEnforceHostnameVerification()).as("oslo4j verifies host names by default").isTrue();
    }

    @Test
    void valuesSetByOsloNameReachTheDriver() {
        RabbitOptions o = TopologyTest.rabbit(MessagingOptions.builder().set("amqp_durable_queues", "yes")
                .set("rabbit_qos_prefetch_count", "10").set("kombu_reconnect_delay", "0.5")
                .set("rabbit_quorum_max_memory_bytes", "7").controlExchange("nova").build());
        assertThat(o.amqpDurableQueues()).isTrue();
        assertThat(o.rabbitQosPrefetchCount()).isEqualTo(10);
        assertThat(o.kombuReconnectDelay()).isEqualTo(0.5);
        assertThat(o.rabbitQuorumMaxMemoryBytes()).isEqualTo(7);
        assertThat(o.controlExchange()).isEqualTo("nova");
    }

    @Test
    void sixteenValidationsNameTheOptionsAtFault() {
        assertThatThrownBy(() -> MessagingOptions.builder().set("rabbit_transient_quorum_queue", true)
                .set("rabbit_stream_fanout", true).build()).isInstanceOf(InvalidConfiguration.class)
                .hasMessageContaining("'rabbit_stream_fanout'").hasMessageContaining("'rabbit_qos_prefetch_count'");
        assertThatThrownBy(() -> MessagingOptions.builder().set("rabbit_stream_fanout", true)
                .set("rabbit_qos_prefetch_count", 10).build()).isInstanceOf(InvalidConfiguration.class)
                .hasMessageContaining("'rabbit_transient_quorum_queue'");
        assertThatThrownBy(() -> MessagingOptions.builder().set("rabbit_transient_quorum_queue", true)
                .set("rabbit_ha_queues", true).build()).isInstanceOf(InvalidConfiguration.class)
                .hasMessageContaining("'rabbit_ha_queues'");
        assertThatThrownBy(() -> MessagingOptions.builder().set("rpc_conn_pool_size", 1).build())
                .isInstanceOf(InvalidConfiguration.class).hasMessageContaining("'conn_pool_min_size' (2)");
        assertThatThrownBy(() -> MessagingOptions.builder().set("use_queue_manager", true).set("processname", " ")
                .build()).isInstanceOf(InvalidConfiguration.class).hasMessageContaining("'processname'");
        assertThatThrownBy(() -> MessagingOptions.builder().set("rabbit_transient_queues_ttl", -1))
                .isInstanceOf(InvalidConfiguration.class).hasMessageContaining(">= 0");
        RabbitOptions ok = TopologyTest.rabbit(Oslo16TopologyTest.production().build());
        assertThat(ok.rabbitStreamFanout()).isTrue();
        assertThat(ok.useQueueManager()).isTrue();
        assertThat(TopologyTest.rabbit(MessagingOptions.defaults()).hostname()).isNotBlank();
        assertThat(TopologyTest.rabbit(MessagingOptions.defaults()).processname()).isNotBlank();
        assertThat(TopologyTest.rabbit(MessagingOptions.builder().set("rabbit_transient_queues_ttl", 0).build())
                .rabbitTransientQueuesTtl()).as("16.x: 0 disables x-expires").isZero();
        assertThat(TopologyTest.rabbit(MessagingOptions.builder().set("rabbit_quroum_max_memory_length", 3).build())
                .rabbitQuorumMaxMemoryLength()).as("14.0.3's spelling").isEqualTo(3);
    }
}
