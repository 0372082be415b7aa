package dev.oslo4j.junit;

import dev.oslo4j.junit.examples.FaultExamples;
import dev.oslo4j.junit.support.ExampleRun;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Fault injection, scoped to the test that asks for it. */
@ExtendWith(OsloBroker.class)
class FaultsTest {

    private static final Target SCHEDULER = Target.topic("scheduler");

    @Test
    void clientsAndStubsRecoverFromDroppedConnectionsAndRecordingGoesOn(Transport transport, OsloBus bus) {
        bus.stubServer(SCHEDULER).on("ping").replyWith(args -> args.get("n"));
        RpcClient client = RpcClient.builder(transport, SCHEDULER).timeout(Duration.ofSeconds(20)).build();
        assertThat(client.call(Map.of(), "ping", Map.of("n", 1)).asInt()).isEqualTo(1);

        bus.dropConnections();

        assertThat(client.call(Map.of(), "ping", Map.of("n", 2)).asInt()).isEqualTo(2);
        client.cast(Map.of(), "after_drop", Map.of());
        bus.assertCastReceived(SCHEDULER, "after_drop");
        bus.assertCalled(SCHEDULER, "ping").times(2);
    }

    @Test
    void droppingConnectionsLeavesOtherTestsAlone() {
        FaultExamples.reset();
        ExampleRun run = ExampleRun.concurrently(FaultExamples.class);
        assertThat(run.statusOf("dropper")).isEqualTo("SUCCESSFUL");
        assertThat(run.statusOf("bystander")).isEqualTo("SUCCESSFUL");
    }
}
