package dev.oslo4j.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oslo4j.messaging.wire.Ids;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** oslo's start / stop / wait, shared by {@link RpcServer} and {@link NotificationListener}; on fake://. */
class ServerLifecycleTest {

    private final Transport transport = Transport.open("fake:///lifecycle-" + Ids.hex32());
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void close() {
        release.countDown();
        transport.close();
    }

    /** Blocks in {@code slow} until the test releases it. */
    public final class Gate {
        public String slow() throws InterruptedException {
            entered.countDown();
            assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
            return "done";
        }

        public String ping() {
            return "pong";
        }
    }

    private RpcServer server() {
        return RpcServer.builder(transport, Target.topic("gate").withServer("s1")).endpoint(new Gate())
                .executorThreads(2).build().start();
    }

    private RpcClient client() {
        return RpcClient.builder(transport, Target.topic("gate")).timeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void stopReturnsAtOnceAndWaitLetsTheRequestInFlightFinish() throws Exception {
        RpcServer server = server();
        CompletableFuture<JsonNode> call = client().callAsync(Map.of(), "slow", Map.of());
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        server.stop(); // does not wait for the endpoint
        assertThat(server.awaitTermination(Duration.ofMillis(100))).as("still running: bounded wait says so")
                .isFalse();
        release.countDown();
        assertThat(server.awaitTermination(Duration.ofSeconds(10))).isTrue();
        assertThat(call.get(10, TimeUnit.SECONDS).textValue()).as("its reply was still sent").isEqualTo("done");
        assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("stopped");
        server.close();
    }

    @Test
    void waitWithoutStopNeverStopsTheServer() throws Exception {
        RpcServer server = server();
        assertThat(server.awaitTermination(Duration.ofMillis(100))).as("nobody stopped it").isFalse();
        assertThat(client().call(Map.of(), "ping", Map.of()).textValue()).as("still serving").isEqualTo("pong");
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(
                () -> server.awaitTermination(Duration.ofSeconds(10)));
        server.stop();
        assertThat(waiting.get(10, TimeUnit.SECONDS)).as("wait() returns once another thread stops it").isTrue();
        server.close();
    }

    @Test
    void deprecatedAwaitKeepsItsMeaningStopThenWait() {
        RpcServer server = server();
        @SuppressWarnings("deprecation")
        boolean done = server.await(Duration.ofSeconds(10));
        assertThat(done).isTrue();
        assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aListenerFollowsTheSameLifecycle() throws Exception {
        CountDownLatch handled = new CountDownLatch(1);
        NotificationListener listener = NotificationListener.builder(transport).target(Target.topic("notifications"))
                .endpoint(new NotificationEndpoint() {
                    @Override
                    public NotificationResult info(RequestContext ctxt, String publisherId, String eventType,
                                                   JsonNode payload, NotificationMetadata metadata) {
                        entered.countDown();
                        try {
                            assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        handled.countDown();
                        return NotificationResult.HANDLED;
                    }
                }).build().start();
        assertThat(listener.awaitTermination(Duration.ofMillis(50))).as("not stopped").isFalse();
        Notifier.builder(transport).publisherId("p").build().info(Map.of(), "e", Map.of()).join();
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        listener.stop();
        assertThat(listener.awaitTermination(Duration.ofMillis(50))).isFalse();
        release.countDown();
        assertThat(listener.awaitTermination(Duration.ofSeconds(10))).isTrue();
        assertThat(handled.getCount()).isZero();
        listener.close();
    }
}
