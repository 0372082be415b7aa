package dev.oslo4j.junit.examples;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.MessageProperties;
import com.rabbitmq.client.ShutdownSignalException;
import dev.oslo4j.junit.OsloBroker;
import dev.oslo4j.junit.OsloBrokerConfig;
import dev.oslo4j.junit.OsloBus;
import dev.oslo4j.junit.OsloUrl;
import dev.oslo4j.junit.support.RawAmqp;
import dev.oslo4j.junit.support.TestKitOnly;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two tests on the shared broker at the same time: one restarts its broker, the other must not notice. Run
 * concurrently by {@code RestartTest}, which resets the latches first.
 */
@TestKitOnly
@ExtendWith(OsloBroker.class)
public class ParallelRestartExamples {

    private static final Target SCHEDULER = Target.topic("scheduler");
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    public static volatile CountDownLatch siblingReady = new CountDownLatch(1);
    public static volatile CountDownLatch restarted = new CountDownLatch(1);

    public static void reset() {
        siblingReady = new CountDownLatch(1);
        restarted = new CountDownLatch(1);
    }

    /** Durable queues, so a call sent before the stub has re-subscribed waits for it (as on RabbitMQ). */
    @Test
    @OsloBrokerConfig(options = "amqp_durable_queues=true")
    void restartsItsBroker(Transport transport, OsloBus bus) throws Exception {
        bus.stubServer(SCHEDULER).on("ping").replyWith(args -> args.get("n"));
        RpcClient client = RpcClient.builder(transport, SCHEDULER).timeout(DEADLINE).build();
        assertThat(client.call(Map.of(), "ping", Map.of("n", 1)).asInt()).isEqualTo(1);
        await(siblingReady, "the sibling test to be ready");
        try {
            bus.restartBroker();
        } finally {
            restarted.countDown();
        }
        assertThat(client.call(Map.of(), "ping", Map.of("n", 2)).asInt()).as("after the restart").isEqualTo(2);
        bus.assertCalled(SCHEDULER, "ping").times(2);
    }

    @Test
    void siblingOnAnotherVirtualHost(Transport transport, OsloBus bus, @OsloUrl String url) throws Exception {
        bus.stubServer(SCHEDULER).on("ping").replyWith(args -> args.get("n"));
        RpcClient client = RpcClient.builder(transport, SCHEDULER).timeout(DEADLINE).build();
        List<ShutdownSignalException> shutdowns = new CopyOnWriteArrayList<>();
        try (Connection raw = RawAmqp.connect(url)) {
            raw.addShutdownListener(shutdowns::add);
            Channel channel = raw.createChannel();
            channel.queueDeclare("transient-q", false, false, false, null);
            channel.confirmSelect();
            channel.basicPublish("", "transient-q", MessageProperties.TEXT_PLAIN, "kept".getBytes());
            channel.waitForConfirmsOrDie(5_000);
            assertThat(client.call(Map.of(), "ping", Map.of("n", 1)).asInt()).isEqualTo(1);
            siblingReady.countDown();

            await(restarted, "the other test's restart");

            assertThat(shutdowns).as("connection shutdowns seen by this test").isEmpty();
            assertThat(channel.isOpen()).isTrue();
            assertThat(channel.queueDeclarePassive("transient-q").getMessageCount())
                    .as("the transient message on the non-durable queue").isEqualTo(1);
            assertThat(client.call(Map.of(), "ping", Map.of("n", 2)).asInt()).isEqualTo(2);
        }
        bus.assertCalled(SCHEDULER, "ping").times(2);
    }

    private static void await(CountDownLatch latch, String what) throws InterruptedException {
        assertThat(latch.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)).as("waited for " + what).isTrue();
    }
}
