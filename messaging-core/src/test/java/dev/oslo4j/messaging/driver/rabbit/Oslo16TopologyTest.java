package dev.oslo4j.messaging.driver.rabbit;

import dev.oslo4j.messaging.MessagingOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Names and declare arguments per 16.x option set, as 16.1.0 declares them (../shared/spec/oslo16-topology.md). */
class Oslo16TopologyTest {

    @TempDir
    Path counterDir;

    private Topology topology(MessagingOptions options) {
        RabbitOptions o = TopologyTest.rabbit(options);
        return new Topology(o, o.useQueueManager()
                ? new QueueManager(o.hostname(), o.processname(), counterDir) : null);
    }

    /** The four options production OpenStack sets, with oslo4j's queue-manager identity. */
    static MessagingOptions.Builder production() {
        return MessagingOptions.builder().set("rabbit_quorum_queue", true).set("rabbit_transient_quorum_queue", true)
                .set("use_queue_manager", true).set("rabbit_stream_fanout", true).set("rabbit_qos_prefetch_count", 10)
                .set("hostname", "vm").set("processname", "nova-api");
    }

    @Test
    void theFourProductionOptionsDeclareWhat161Declares() {
        Topology t = topology(production().build());
        assertThat(t.durable()).as("topic exchange, <topic>, <topic>.<server>, notification queues").isTrue();
        assertThat(t.sharedQueueArgs()).isEqualTo(Map.of("x-queue-type", "quorum"));
        assertThat(t.newReplyQueue()).isEqualTo("reply_vm:nova-api:1");
        assertThat(t.transientDurable()).as("reply queue and fanout exchange").isTrue();
        assertThat(t.transientQueueArgs()).isEqualTo(Map.of("x-queue-type", "quorum", "x-expires", 1_800_000));
        assertThat(t.newFanoutQueue("svc")).as("one stream per topic, shared by every server").isEqualTo("svc_fanout");
        assertThat(t.fanoutQueueDurable()).isTrue();
        assertThat(t.fanoutQueueArgs()).isEqualTo(Map.of("x-queue-type", "stream", "x-max-age", "1800s"));
        assertThat(Topology.streamConsumerArgs("last")).isEqualTo(Map.of("x-stream-offset", "last"));
        assertThat(t.consumerArgs()).isEmpty();
        assertThat(t.deletesFanoutQueueOnClose()).as("the stream is shared").isFalse();
        assertThat(t.newReplyQueue()).as("the counter goes on within the process").isEqualTo("reply_vm:nova-api:2");
    }

    @Test
    void transientQuorumAloneMakesReplyAndFanoutQueuesQuorumWithTheirLimits() {
        Topology t = topology(MessagingOptions.builder().set("rabbit_transient_quorum_queue", true)
                .set("rabbit_quorum_delivery_limit", 3).set("rabbit_quorum_max_memory_length", 4)
                .set("rabbit_quroum_max_memory_bytes", 5).set("rabbit_transient_queues_ttl", 60).build());
        assertThat(t.durable()).as("rabbit_quorum_queue is off: topic queues stay classic").isFalse();
        assertThat(t.sharedQueueArgs()).isEmpty();
        Map<String, Object> quorum = Map.of("x-queue-type", "quorum", "x-delivery-limit", 3,
                "x-max-in-memory-length", 4, "x-max-in-memory-bytes", 5, "x-expires", 60_000);
        assertThat(t.transientQueueArgs()).isEqualTo(quorum);
        assertThat(t.fanoutQueueArgs()).isEqualTo(quorum);
        assertThat(t.newFanoutQueue("svc")).matches("svc_fanout_[0-9a-f]{32}");
        assertThat(t.newReplyQueue()).matches("reply_[0-9a-f]{32}");
        assertThat(t.fanoutQueueDurable()).isTrue();
        assertThat(t.deletesFanoutQueueOnClose()).isTrue();
    }

    @Test
    void queueManagerAloneNamesClassicQueuesAndKeepsThemAtClose() {
        Topology t = topology(MessagingOptions.builder().set("use_queue_manager", true).set("hostname", "h1").set("processname", "p")
                .build());
        assertThat(t.newReplyQueue()).isEqualTo("reply_h1:p:1");
        assertThat(t.newFanoutQueue("svc")).as("fanout queues draw from the same counter").isEqualTo("svc_fanout_h1:p:2");
        assertThat(t.transientDurable()).isFalse();
        assertThat(t.fanoutQueueArgs()).isEqualTo(Map.of("x-expires", 1_800_000));
        assertThat(t.deletesFanoutQueueOnClose()).as("the next run reuses the name; the queue expires").isFalse();
    }

    @Test
    void zeroTtlDropsExpiryAndStreamRetention() {
        Topology t = topology(production().set("rabbit_transient_queues_ttl", 0).build());
        assertThat(t.transientQueueArgs()).isEqualTo(Map.of("x-queue-type", "quorum"));
        assertThat(t.fanoutQueueArgs()).isEqualTo(Map.of("x-queue-type", "stream"));
        Topology classic = topology(MessagingOptions.builder().set("rabbit_transient_queues_ttl", 0).build());
        assertThat(classic.transientQueueArgs()).isEmpty();
    }

    @Test
    void cancelOnFailoverStaysOnEveryConsumerButTheStreamOne() {
        Topology t = topology(production().set("enable_cancel_on_failover", true).build());
        assertThat(t.consumerArgs()).isEqualTo(Map.of("x-cancel-on-ha-failover", true));
        assertThat(Topology.streamConsumerArgs(42L)).isEqualTo(Map.of("x-stream-offset", 42L));
    }
}
