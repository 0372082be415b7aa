package dev.oslo4j.junit.examples;

import dev.oslo4j.junit.OsloBroker;
import dev.oslo4j.junit.OsloBrokerConfig;
import dev.oslo4j.junit.OsloBus;
import dev.oslo4j.junit.support.TestKitOnly;
import dev.oslo4j.messaging.Notifier;
import dev.oslo4j.messaging.Priority;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests that fail on purpose, so that {@code FailureMessageTest} can read what their failures say. */
@TestKitOnly
@ExtendWith(OsloBroker.class)
@OsloBrokerConfig(awaitTimeoutMillis = 300)
public class FailingAssertionExamples {

    static final Target HOST1 = Target.topic("compute").withServer("host1");

    static Map<String, Object> ctx() {
        Map<String, Object> ctx = new LinkedHashMap<>();
        ctx.put("request_id", "req-1");
        return ctx;
    }

    static Map<String, Object> args(String instance) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("instance_id", instance);
        args.put("reboot_type", "SOFT");
        return args;
    }

    @Test
    void wrongArg(Transport transport, OsloBus bus) {
        Notifier.builder(transport).publisherId("api.controller1").build()
                .info(ctx(), "compute.instance.reboot.start", Map.of("instance_id", "uuid-2")).join();
        RpcClient.builder(transport, HOST1).build().cast(ctx(), "reboot_instance", args("uuid-2"));
        RpcClient.builder(transport, HOST1).build().cast(ctx(), "rebuild_instance", args("uuid-1"));

        bus.assertCastReceived(HOST1, "reboot_instance").withArg("instance_id", "uuid-1");
    }

    @Test
    void nothingPublished(OsloBus bus) {
        bus.assertCastReceived(HOST1, "reboot_instance");
    }

    @Test
    void tooFew(Transport transport, OsloBus bus) {
        RpcClient.builder(transport, HOST1).build().cast(ctx(), "reboot_instance", args("uuid-1"));
        bus.assertCastReceived(HOST1, "reboot_instance").times(2);
    }

    @Test
    void callExpectedButCast(Transport transport, OsloBus bus) {
        RpcClient.builder(transport, HOST1).build().cast(ctx(), "reboot_instance", args("uuid-1"));
        bus.assertCalled(HOST1, "reboot_instance");
    }

    @Test
    void argRequirementFails(Transport transport, OsloBus bus) {
        RpcClient.builder(transport, HOST1).build().cast(ctx(), "reboot_instance", args("uuid-1"));
        bus.assertCastReceived(HOST1, "reboot_instance")
                .withArgSatisfying("reboot_type", t -> assertThat(t.asText()).isEqualTo("HARD"));
    }

    @Test
    void describedBus(OsloBus bus) {
        bus.as("the reboot of %s", "uuid-1").assertCastReceived(HOST1, "reboot_instance");
    }

    @Test
    void describedNarrowing(Transport transport, OsloBus bus) {
        RpcClient.builder(transport, HOST1).build().cast(ctx(), "reboot_instance", args("uuid-1"));
        bus.assertCastReceived(HOST1, "reboot_instance").as("a hard reboot").withArg("reboot_type", "HARD");
    }

    @Test
    void manyMessages(Transport transport, OsloBus bus) {
        RpcClient client = RpcClient.builder(transport, HOST1).build();
        for (int i = 0; i < 60; i++) {
            client.cast(ctx(), "tick", Map.of("i", i));
        }
        bus.assertCastReceived(HOST1, "tick").withArg("i", 60);
    }

    @Test
    void unexpectedCast(Transport transport, OsloBus bus) {
        RpcClient.builder(transport, HOST1).build().cast(ctx(), "delete_instance", args("uuid-1"));
        bus.assertNoCast(Target.topic("compute").withServer("host1"), "delete_instance");
    }

    @Test
    void unexpectedNotification(Transport transport, OsloBus bus) {
        Notifier.builder(transport).publisherId("api.controller1").build()
                .error(ctx(), "compute.instance.delete.error", Map.of("instance_id", "uuid-1")).join();
        bus.assertNothingNotified();
    }

    @Test
    void wrongEventType(Transport transport, OsloBus bus) {
        Notifier n = Notifier.builder(transport).publisherId("api.controller1").build();
        n.info(ctx(), "compute.instance.reboot.end", Map.of("instance_id", "uuid-1")).join();
        n.warn(ctx(), "compute.instance.reboot.start", Map.of("instance_id", "uuid-1")).join();
        bus.assertNotified(Priority.INFO).withEventType("compute.instance.reboot.start")
                .withPayload("instance_id", "uuid-1");
    }
}
