package dev.oslo4j.messaging.driver.rabbit;

import dev.oslo4j.messaging.MessagingOptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

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
}
