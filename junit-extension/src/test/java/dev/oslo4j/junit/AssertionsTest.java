package dev.oslo4j.junit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oslo4j.junit.support.RawAmqp;
import dev.oslo4j.messaging.Notifier;
import dev.oslo4j.messaging.Priority;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every bus assertion, passing: what they match, that they wait, and the records behind them. */
@ExtendWith(OsloBroker.class)
class AssertionsTest {

    private static final Map<String, Object> CTX = Map.of("request_id", "req-7", "user_id", "u1");

    @Test
    void castMatchesTargetMethodArgsAndContext(Transport transport, OsloBus bus) {
        Target target = Target.topic("compute").withServer("host1");
        RpcClient.builder(transport, target).build()
                .cast(CTX, "reboot_instance", Map.of("instance_id", "uuid-1", "flavor", Map.of("vcpus", 2)));

        bus.assertCastReceived(target, "reboot_instance")
                .withArg("instance_id", "uuid-1")
                .withArg("flavor", Map.of("vcpus", 2.0))
                .withArgs(Map.of("instance_id", "uuid-1", "flavor", Map.of("vcpus", 2)))
                .withArgSatisfying("flavor", f -> assertThat(f.get("vcpus").asInt()).isEqualTo(2))
                .withContext("request_id", "req-7")
                .times(1);

        assertThat(bus.casts()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(RecordedRequest.Kind.CAST);
            assertThat(c.exchange()).isEqualTo("openstack");
            assertThat(c.routingKey()).isEqualTo("compute.host1");
            assertThat(c.method()).isEqualTo("reboot_instance");
            assertThat(c.context().get("user_id").asText()).isEqualTo("u1");
            assertThat(c.unroutable()).as("nobody consumes compute.host1").isTrue();
            assertThat(c.sequence()).isEqualTo(1);
        });
        assertThat(bus.calls()).isEmpty();
    }

    @Test
    void topicOnlyTargetDoesNotMatchAServerTargetedCast(Transport transport, OsloBus bus) {
        RpcClient.builder(transport, Target.topic("compute").withServer("host1")).build()
                .cast(CTX, "reboot_instance", Map.of());
        bus.assertNoCast(Target.topic("compute"), "reboot_instance");
        bus.assertNoCast(Target.topic("compute").withServer("host2"), "reboot_instance");
        bus.assertNotCalled(Target.topic("compute").withServer("host1"), "reboot_instance");
    }

    @Test
    void fanoutCastsMatchFanoutTargets(Transport transport, OsloBus bus) {
        Target fanout = Target.topic("compute").withFanout(true);
        RpcClient.builder(transport, fanout).build().cast(CTX, "refresh_cache", Map.of("why", "test"));

        bus.assertCastReceived(fanout, "refresh_cache").withArg("why", "test");
        assertThat(bus.casts()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(RecordedRequest.Kind.FANOUT_CAST);
            assertThat(c.exchange()).isEqualTo("compute_fanout");
        });
        bus.assertNoCast(Target.topic("compute"), "refresh_cache");
    }

    @Test
    void namespaceVersionAndExchangeOfTheTargetMustMatch(Transport transport, OsloBus bus) {
        Target target = Target.builder().exchange("nova").topic("conductor").namespace("baseapi").version("1.1")
                .build();
        RpcClient.builder(transport, target).build().cast(CTX, "ping", Map.of());

        bus.assertCastReceived(target, "ping");
        bus.assertCastReceived(Target.topic("conductor").withExchange("nova"), "ping");
        bus.assertNoCast(target.withVersion("1.2"), "ping");
        bus.assertNoCast(target.withNamespace("other"), "ping");
        bus.assertNoCast(Target.topic("conductor"), "ping");
    }

    @Test
    void callsAreRecordedWithTheirReplyAddress(Transport transport, OsloBus bus) {
        bus.stubServer(Target.topic("scheduler")).on("select_destinations").reply(List.of("host1"));
        JsonNode result = RpcClient.builder(transport, Target.topic("scheduler")).timeout(Duration.ofSeconds(10))
                .build().call(CTX, "select_destinations", Map.of("spec", Map.of("num_instances", 1)));
        assertThat(result.get(0).asText()).isEqualTo("host1");

        RecordedRequest call = bus.assertCalled(Target.topic("scheduler"), "select_destinations")
                .withArg("spec", Map.of("num_instances", 1)).single();
        assertThat(call.isCall()).isTrue();
        assertThat(call.replyQueue()).startsWith("reply_");
        assertThat(call.expiration()).isEqualTo("10000");
        bus.assertNoCast(Target.topic("scheduler"), "select_destinations");

        assertThat(bus.replies()).singleElement().satisfies(r -> {
            assertThat(r.replyQueue()).isEqualTo(call.replyQueue());
            assertThat(r.msgId()).isEqualTo(call.msgId());
            assertThat(r.result().get(0).asText()).isEqualTo("host1");
            assertThat(r.ending()).isTrue();
            assertThat(r.unroutable()).isFalse();
        });
    }

    @Test
    void notificationsMatchPriorityEventTypePublisherAndPayload(Transport transport, OsloBus bus) {
        Notifier notifier = Notifier.builder(transport).publisherId("compute.host1").build();
        notifier.info(CTX, "compute.instance.create.end",
                Map.of("instance_id", "i-1", "flavor", Map.of("vcpus", 4), "disks", List.of(Map.of("gb", 20))));
        notifier.warn(CTX, "compute.instance.slow", Map.of("instance_id", "i-1"));

        bus.assertNotified(Priority.INFO)
                .withEventType("compute.instance.create.end")
                .withPublisherId("compute.host1")
                .withPayload("instance_id", "i-1")
                .withPayload("flavor.vcpus", 4)
                .withPayload("/flavor/vcpus", 4)
                .withPayload("disks[0].gb", 20)
                .withPayloadSatisfying(p -> assertThat(p.size()).isEqualTo(3))
                .withPayloadSatisfying("disks", d -> assertThat(d.isArray()).isTrue())
                .withContext("request_id", "req-7")
                .times(1);
        bus.assertNotified(Priority.WARN).withEventType("compute.instance.slow");

        assertThat(bus.notifications()).extracting(RecordedNotification::priority)
                .containsExactly(Priority.INFO, Priority.WARN);
        assertThat(bus.notifications().get(1)).satisfies(n -> {
            assertThat(n.priorityText()).isEqualTo("WARN");
            assertThat(n.routingKey()).isEqualTo("notifications.warn");
            assertThat(n.topic()).isEqualTo("notifications");
            assertThat(n.enveloped()).isTrue();
            assertThat(n.unroutable()).as("the notifier declares notifications.warn").isFalse();
        });
    }

    @Test
    void assertionsWaitForMessagesSentLater(Transport transport, OsloBus bus) {
        RpcClient client = RpcClient.builder(transport, Target.topic("compute")).build();
        CompletableFuture.runAsync(() -> client.cast(CTX, "late", Map.of("n", 1)),
                CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
        CompletableFuture.runAsync(() -> client.cast(CTX, "late", Map.of("n", 2)),
                CompletableFuture.delayedExecutor(600, TimeUnit.MILLISECONDS));

        bus.assertCastReceived(Target.topic("compute"), "late").withArg("n", 2);
        bus.assertCastReceived(Target.topic("compute"), "late").times(2);
    }

    @Test
    void timesWaitsForTheCountAndFailsAtOnceAboveIt(Transport transport, OsloBus bus) {
        RpcClient client = RpcClient.builder(transport, Target.topic("compute")).build();
        for (int i = 0; i < 3; i++) {
            client.cast(CTX, "tick", Map.of("i", i));
        }
        bus.assertCastReceived(Target.topic("compute"), "tick").times(3);
        long start = System.nanoTime();
        assertThatThrownBy(() -> bus.assertCastReceived(Target.topic("compute"), "tick").times(2))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting exactly 2 casts")
                .hasMessageContaining("but 3 matched (#1, #2, #3).");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("no need to wait").isLessThan(bus.awaitTimeout());
        assertThatThrownBy(() -> bus.assertCastReceived(Target.topic("compute"), "tick").times(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("assertNo");
    }

    @Test
    void negativesPassWhenNothingMatchesDuringTheQuietPeriod(Transport transport, OsloBus bus) {
        RpcClient.builder(transport, Target.topic("compute")).build().cast(CTX, "keep", Map.of());
        bus.assertNoCast(Target.topic("compute"), "delete");
        bus.assertNothingNotified();
        assertThat(bus.quietPeriod()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void foreignAndMalformedMessagesAreRecordedWithTheReason(@OsloUrl String url, OsloBus bus) throws Exception {
        RawAmqp.publish(url, "openstack", "compute", "not json at all");
        RawAmqp.publish(url, "openstack", "compute", "[1, 2]");
        RawAmqp.publish(url, "openstack", "compute", "{\"hello\": \"world\"}");

        List<RecordedMessage> all = bus.messages();
        assertThat(all).hasSize(3).allSatisfy(m -> assertThat(m).isInstanceOf(UnrecognizedMessage.class));
        assertThat(((UnrecognizedMessage) all.get(0)).reason()).contains("not valid JSON");
        assertThat(((UnrecognizedMessage) all.get(1)).reason()).contains("array, not an object");
        assertThat(((UnrecognizedMessage) all.get(2)).reason()).contains("without 'method'");
        assertThat(all.get(2).body()).isEqualTo("{\"hello\": \"world\"}");
    }
}
