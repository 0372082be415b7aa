package dev.oslo4j.messaging.driver.rabbit;

import com.rabbitmq.client.AMQP;
import dev.oslo4j.messaging.MessagingOptions;
import dev.oslo4j.messaging.driver.BrokerHost;
import dev.oslo4j.messaging.driver.DriverConfig;
import dev.oslo4j.messaging.driver.RpcAddress;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Declare arguments and AMQP properties as 14.0.3 (and 16.1.0 with its defaults) produces them (docs/wire-protocol.md §3.3, §4.2). */
class TopologyTest {

    /** The rabbit driver's view of options set by oslo name, as a transport would hand them over. */
    static RabbitOptions rabbit(MessagingOptions o) {
        return RabbitOptions.from(new DriverConfig("rabbit", List.of(new BrokerHost("h", null, null, null)), "/",
                o.asMap(), Set.of(), "rabbit://h/"));
    }

    @Test
    void defaults() {
        Topology t = new Topology(rabbit(MessagingOptions.defaults()));
        assertThat(t.durable()).isFalse();
        assertThat(t.autoDelete()).isFalse();
        assertThat(t.sharedQueueArgs()).isEmpty();
        assertThat(t.transientQueueArgs()).isEqualTo(Map.of("x-expires", 1_800_000));
        assertThat(t.consumerArgs()).isEmpty();
        assertThat(t.exchangeOf(new RpcAddress(null, "compute", null, false))).isEqualTo("openstack");
        assertThat(t.exchangeOf(new RpcAddress("nova", "compute", null, false))).isEqualTo("nova");
        assertThat(Topology.serverQueue(new RpcAddress(null, "compute", "host1", false))).isEqualTo("compute.host1");
        assertThat(Topology.fanoutExchange("compute")).isEqualTo("compute_fanout");
        assertThat(t.newFanoutQueue("compute")).matches("compute_fanout_[0-9a-f]{32}");
        assertThat(t.newReplyQueue()).matches("reply_[0-9a-f]{32}");
        assertThat(t.transientDurable()).isFalse();
        assertThat(t.fanoutQueueDurable()).isFalse();
        assertThat(t.fanoutQueueArgs()).isEqualTo(Map.of("x-expires", 1_800_000));
        assertThat(t.deletesFanoutQueueOnClose()).isTrue();
        assertThat(t.streamFanout()).isFalse();
    }

    @Test
    void quorumQueuesAreDurableWithTheirLimits() {
        Topology t = new Topology(rabbit(MessagingOptions.builder().set("rabbit_quorum_queue", true)
                .set("rabbit_quorum_delivery_limit", 5).set("rabbit_quroum_max_memory_length", 7)
                .set("rabbit_quroum_max_memory_bytes", 9).set("rabbit_transient_queues_ttl", 60).build()));
        assertThat(t.durable()).isTrue();
        assertThat(t.sharedQueueArgs()).isEqualTo(Map.of("x-queue-type", "quorum", "x-delivery-limit", 5,
                "x-max-in-memory-length", 7, "x-max-in-memory-bytes", 9));
        assertThat(t.transientQueueArgs()).as("14.0.3 never makes reply/fanout queues quorum")
                .isEqualTo(Map.of("x-expires", 60_000));
    }

    @Test
    void haQueuesDurableQueuesAndCancelOnFailover() {
        Topology t = new Topology(rabbit(MessagingOptions.builder().set("rabbit_ha_queues", true)
                .set("amqp_durable_queues", true).set("amqp_auto_delete", true)
                .set("enable_cancel_on_failover", true).build()));
        assertThat(t.durable()).isTrue();
        assertThat(t.autoDelete()).isTrue();
        assertThat(t.sharedQueueArgs()).isEqualTo(Map.of("x-ha-policy", "all"));
        assertThat(t.transientQueueArgs()).isEqualTo(Map.of("x-ha-policy", "all", "x-expires", 1_800_000));
        assertThat(t.consumerArgs()).isEqualTo(Map.of("x-cancel-on-ha-failover", true));
    }

    @Test
    void propertiesAreExactlyOslos() {
        AmqpProperties p = new AmqpProperties(null);
        AMQP.BasicProperties plain = p.plain();
        assertThat(plain.getContentType()).isEqualTo("application/json");
        assertThat(plain.getContentEncoding()).isEqualTo("utf-8");
        assertThat(plain.getDeliveryMode()).isEqualTo(2);
        assertThat(plain.getPriority()).isZero();
        assertThat(plain.getHeaders()).isEmpty();
        assertThat(plain.getExpiration()).isNull();
        assertThat(plain.getReplyTo()).isNull();
        assertThat(plain.getCorrelationId()).isNull();
        assertThat(plain.getMessageId()).isNull();
        assertThat(p.call(60_000).getExpiration()).isEqualTo("60000");
        assertThat(p.call(60_000)).isSameAs(p.call(60_000));
        assertThat(new AmqpProperties("application/x-gzip").plain().getHeaders())
                .isEqualTo(Map.of("compression", "application/x-gzip"));
    }

    @Test
    void callMonitorSecondsAreIntegersWhenWhole() {
        assertThat(dev.oslo4j.messaging.wire.RpcMessages.seconds(java.time.Duration.ofSeconds(2))).isEqualTo(2L);
        assertThat(dev.oslo4j.messaging.wire.RpcMessages.seconds(java.time.Duration.ofMillis(2500))).isEqualTo(2.5);
    }

    @Test
    void uniqueIdWindowIsSixteen() {
        UniqueIdCache c = new UniqueIdCache();
        for (int i = 0; i < 16; i++) {
            assertThat(c.add("id" + i)).isTrue();
        }
        assertThat(c.add("id0")).isFalse();
        assertThat(c.add("id16")).isTrue();
        assertThat(c.contains("id0")).as("the oldest falls out of the window").isFalse();
        assertThat(c.add(null)).isTrue();
    }

    @Test
    void amqplainResponseIsAFieldTableWithoutLength() {
        byte[] r = new SaslMechanisms.Amqplain().handleChallenge(null, "guest", "pw").getBytes();
        assertThat(r).containsExactly(5, 'L', 'O', 'G', 'I', 'N', 'S', 0, 0, 0, 5, 'g', 'u', 'e', 's', 't',
                8, 'P', 'A', 'S', 'S', 'W', 'O', 'R', 'D', 'S', 0, 0, 0, 2, 'p', 'w');
    }
}
