package dev.oslo4j.junit;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import dev.oslo4j.junit.examples.ParallelRestartExamples;
import dev.oslo4j.junit.examples.RestartExamples;
import dev.oslo4j.junit.support.ExampleRun;
import dev.oslo4j.junit.support.RawAmqp;
import dev.oslo4j.messaging.Notifier;
import dev.oslo4j.messaging.Priority;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** bus.restartBroker(): in any test on the embedded broker, a RabbitMQ-like restart that other tests do not see. */
@ExtendWith(OsloBroker.class)
class RestartTest {

    private static final Target SCHEDULER = Target.topic("scheduler");

    @Test
    @Tag("embedded-only")
    @OsloBrokerConfig(options = "amqp_durable_queues=true")
    void aRestartOfTheSharedBrokerKeepsDurableStateAndClientsRecover(Transport transport, OsloBus bus,
                                                                      @OsloUrl String url) throws Exception {
        restartKeepsDurableStateAndClientsRecover(transport, bus, url);
    }

    @Test
    @Tag("embedded-only")
    @OsloBrokerConfig(dedicatedBroker = true, options = "amqp_durable_queues=true")
    void aRestartOfADedicatedBrokerKeepsDurableStateAndClientsRecover(Transport transport, OsloBus bus,
                                                                       @OsloUrl String url) throws Exception {
        restartKeepsDurableStateAndClientsRecover(transport, bus, url);
    }

    private static void restartKeepsDurableStateAndClientsRecover(Transport transport, OsloBus bus, String url)
            throws Exception {
        bus.stubServer(SCHEDULER).on("ping").replyWith(args -> args.get("n"));
        RpcClient client = RpcClient.builder(transport, SCHEDULER).timeout(Duration.ofSeconds(30)).build();
        assertThat(client.call(Map.of(), "ping", Map.of("n", 1)).asInt()).isEqualTo(1);
        Notifier.builder(transport).build().info(Map.of(), "before.restart", Map.of()).join();
        try (Connection c = RawAmqp.connect(url); Channel ch = c.createChannel()) {
            ch.queueDeclare("transient-q", false, false, false, null);
        }

        bus.restartBroker();

        assertThat(client.call(Map.of(), "ping", Map.of("n", 2)).asInt()).as("after the restart").isEqualTo(2);
        bus.assertCalled(SCHEDULER, "ping").times(2);
        bus.assertNotified(Priority.INFO).withEventType("before.restart");
        try (Connection c = RawAmqp.connect(url); Channel ch = c.createChannel()) {
            GetResponse kept = ch.basicGet("notifications.info", true);
            assertThat(kept).as("the persistent notification on the durable queue survived").isNotNull();
            assertThat(new String(kept.getBody())).contains("before.restart");
            Channel probe = c.createChannel();
            assertThatThrownBy(() -> probe.queueDeclarePassive("transient-q")).as("the non-durable queue is gone")
                    .hasStackTraceContaining("404");
        }
    }

    @Test
    @Tag("embedded-only")
    void restartWorksOnTheSharedAndOnADedicatedBroker() {
        ExampleRun run = ExampleRun.of(RestartExamples.class);
        assertThat(run.statusOf("restartOnTheSharedBroker")).isEqualTo("SUCCESSFUL");
        assertThat(run.statusOf("restartOnADedicatedBroker")).isEqualTo("SUCCESSFUL");
    }

    @Test
    @Tag("embedded-only")
    void aTestRunningInParallelDoesNotNoticeAnothersRestart() {
        ParallelRestartExamples.reset();
        ExampleRun run = ExampleRun.concurrently(ParallelRestartExamples.class);
        assertThat(run.statusOf("restartsItsBroker")).isEqualTo("SUCCESSFUL");
        assertThat(run.statusOf("siblingOnAnotherVirtualHost")).isEqualTo("SUCCESSFUL");
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "OSLO4J_TEST_TRANSPORT_URL", matches = "(rabbit|kombu|amqp)://.*")
    void onRabbitMqARestartSkipsTheTestSayingWhy() {
        ExampleRun run = ExampleRun.of(RestartExamples.class);
        for (String test : new String[] {"restartOnTheSharedBroker", "restartOnADedicatedBroker"}) {
            assertThat(run.statusOf(test)).startsWith("ABORTED")
                    .contains("bus.restartBroker() is not available on a real RabbitMQ")
                    .contains("restarting a node shared with other tests would break them");
        }
    }
}
