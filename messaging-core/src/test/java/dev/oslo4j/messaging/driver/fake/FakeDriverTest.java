package dev.oslo4j.messaging.driver.fake;

import dev.oslo4j.messaging.TransportInternals;
import com.fasterxml.jackson.databind.JsonNode;
import dev.oslo4j.messaging.InvalidTransportURL;
import dev.oslo4j.messaging.MessagingTimeout;
import dev.oslo4j.messaging.NotificationEndpoint;
import dev.oslo4j.messaging.NotificationListener;
import dev.oslo4j.messaging.NotificationMetadata;
import dev.oslo4j.messaging.NotificationResult;
import dev.oslo4j.messaging.Notifier;
import dev.oslo4j.messaging.RemoteError;
import dev.oslo4j.messaging.RequestContext;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.RpcServer;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import dev.oslo4j.messaging.wire.Ids;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * oslo's {@code fake://} driver through the public API only, with nothing but messaging-core on the class path:
 * no broker, no socket. Each test uses a virtual host of its own, so tests are isolated (and may run in parallel).
 */
class FakeDriverTest {

    private final String url = "fake:///" + getClass().getSimpleName() + "-" + Ids.hex32();
    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    private <T extends AutoCloseable> T open(T c) {
        opened.add(c);
        return c;
    }

    private Transport transport() {
        return open(Transport.open(url));
    }

    /** An endpoint remembering which server ran each method. */
    public static final class Recorder {
        final String server;
        final BlockingQueue<String> seen;

        Recorder(String server, BlockingQueue<String> seen) {
            this.server = server;
            this.seen = seen;
        }

        public void record(RequestContext ctxt, String what) {
            seen.add(server + ":" + what);
        }

        public int add(int a, int b) {
            return a + b;
        }

        public void fail(String why) {
            throw new IllegalStateException(why);
        }

        public Object unserializable() {
            return new Unserializable();
        }
    }

    /** Jackson cannot write it (as Python's json cannot write an arbitrary object). */
    public static final class Unserializable {
        public String getValue() {
            throw new IllegalStateException("no JSON for this");
        }
    }

    private RpcServer server(Transport t, String topic, String name, BlockingQueue<String> seen) {
        return open(RpcServer.builder(t, Target.topic(topic).withServer(name)).endpoint(new Recorder(name, seen))
                .executorThreads(2).build().start());
    }

    private static RpcClient client(Transport t, Target target) {
        return RpcClient.builder(t, target).timeout(Duration.ofSeconds(5)).build();
    }

    private static List<String> take(BlockingQueue<String> q, int n) throws InterruptedException {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String s = q.poll(5, TimeUnit.SECONDS);
            assertThat(s).as("message %d of %d within 5 s (got %s)", i + 1, n, out).isNotNull();
            out.add(s);
        }
        return out;
    }

    @Test
    void openingFakeJustWorksAndTheSchemeErrorListsTheDrivers() {
        try (Transport t = Transport.open("fake://")) {
            assertThat(TransportInternals.driver(t).controlExchange()).isEqualTo("openstack");
        }
        assertThatThrownBy(() -> Transport.open("zmq://h/")).isInstanceOf(InvalidTransportURL.class)
                .hasMessageContaining("'zmq'").hasMessageContaining("fake://").hasMessageContaining("rabbit://");
    }

    @Test
    void topicCastsGoToOneServerOfTheTopicEach() throws Exception {
        Transport t = transport();
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        server(t, "compute", "a", seen);
        server(t, "compute", "b", seen);
        RpcClient c = client(t, Target.topic("compute"));
        for (int i = 0; i < 10; i++) {
            c.cast(Map.of(), "record", Map.of("what", "m" + i));
        }
        List<String> got = take(seen, 10);
        assertThat(got).extracting(s -> s.substring(2)).containsExactlyInAnyOrder(
                "m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9");
        assertThat(seen.poll(200, TimeUnit.MILLISECONDS)).as("each cast processed once").isNull();
    }

    @Test
    void serverTargetedCastsReachOnlyThatServerAndFanoutReachesEveryServer() throws Exception {
        Transport t = transport();
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        server(t, "compute", "a", seen);
        server(t, "compute", "b", seen);
        client(t, Target.topic("compute").withServer("b")).cast(Map.of(), "record", Map.of("what", "direct"));
        assertThat(take(seen, 1)).containsExactly("b:direct");
        client(t, Target.topic("compute").withFanout(true)).cast(Map.of(), "record", Map.of("what", "all"));
        assertThat(take(seen, 2)).containsExactlyInAnyOrder("a:all", "b:all");
    }

    @Test
    void callsGetRepliesAcrossTransportsOfOneVirtualHost() {
        Transport serverSide = transport();
        Transport clientSide = transport();
        server(serverSide, "calc", "s1", new LinkedBlockingQueue<>());
        JsonNode sum = client(clientSide, Target.topic("calc")).call(Map.of("request_id", "r1"), "add",
                Map.of("a", 1, "b", 2));
        assertThat(sum.intValue()).isEqualTo(3);
    }

    @Test
    void otherVirtualHostsAreOtherBuses() {
        Transport serverSide = transport();
        server(serverSide, "calc", "s1", new LinkedBlockingQueue<>());
        Transport elsewhere = open(Transport.open(url + "-other"));
        RpcClient c = RpcClient.builder(elsewhere, Target.topic("calc")).timeout(Duration.ofMillis(300)).build();
        assertThatThrownBy(() -> c.call(Map.of(), "add", Map.of("a", 1, "b", 2)))
                .isInstanceOf(MessagingTimeout.class).hasMessageContaining("calc");
    }

    @Test
    void callsWithoutServerTimeOut() {
        RpcClient c = RpcClient.builder(transport(), Target.topic("nobody")).timeout(Duration.ofMillis(200)).build();
        assertThatThrownBy(() -> c.call(Map.of(), "add", Map.of()))
                .isInstanceOf(MessagingTimeout.class).hasMessage("No reply on topic nobody");
    }

    @Test
    void remoteErrorsArriveAsOnTheWire() {
        Transport t = transport();
        server(t, "calc", "s1", new LinkedBlockingQueue<>());
        RpcClient c = client(t, Target.topic("calc"));
        assertThatThrownBy(() -> c.call(Map.of(), "fail", Map.of("why", "boom")))
                .isInstanceOfSatisfying(RemoteError.class, e -> {
                    assertThat(e.module()).isEqualTo("java.lang");
                    assertThat(e.exceptionClass()).isEqualTo("IllegalStateException");
                    assertThat(e.value()).isEqualTo("boom");
                });
        assertThatThrownBy(() -> c.call(Map.of(), "add", Map.of("a", 1)))
                .isInstanceOfSatisfying(RemoteError.class, e -> assertThat(e.exceptionClass()).isEqualTo("TypeError"));
    }

    @Test
    void whatCannotBeSerializedFailsAsOnTheWire() {
        Transport t = transport();
        server(t, "calc", "s1", new LinkedBlockingQueue<>());
        RpcClient c = client(t, Target.topic("calc"));
        assertThatThrownBy(() -> c.cast(Map.of(), "record", Map.of("what", new Unserializable())))
                .hasMessageContaining("not JSON-serializable");
        assertThatThrownBy(() -> c.call(Map.of(), "unserializable", Map.of()))
                .isInstanceOf(RemoteError.class).hasMessageContaining("not JSON serializable");
    }

    /** Counts notifications per listener and can ask for a requeue of the first one it sees. */
    static final class Counting implements NotificationEndpoint {
        final String name;
        final List<String> seen;
        final AtomicInteger requeuesLeft;

        Counting(String name, List<String> seen, int requeues) {
            this.name = name;
            this.seen = seen;
            this.requeuesLeft = new AtomicInteger(requeues);
        }

        @Override
        public NotificationResult info(RequestContext ctxt, String publisherId, String eventType, JsonNode payload,
                                       NotificationMetadata metadata) {
            if (requeuesLeft.getAndDecrement() > 0) {
                return NotificationResult.REQUEUE;
            }
            seen.add(name + ":" + payload.get("n").asText());
            return NotificationResult.HANDLED;
        }
    }

    private NotificationListener listener(Transport t, String pool, Counting endpoint) {
        NotificationListener.Builder b = NotificationListener.builder(t).target(Target.topic("notifications"))
                .endpoint(endpoint).allowRequeue(true).executorThreads(1);
        if (pool != null) {
            b.pool(pool);
        }
        return open(b.build().start());
    }

    private static void await(List<String> seen, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (seen.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(seen).as("notifications within 5 s").hasSizeGreaterThanOrEqualTo(count);
    }

    @Test
    void everyPoolGetsEveryNotificationAndListenersOfOnePoolCompete() throws Exception {
        Transport t = transport();
        List<String> seen = new CopyOnWriteArrayList<>();
        listener(t, "billing", new Counting("billing-1", seen, 0));
        listener(t, "billing", new Counting("billing-2", seen, 0));
        listener(t, "audit", new Counting("audit", seen, 0));
        Notifier notifier = Notifier.builder(t).publisherId("compute.host1").build();
        for (int i = 0; i < 6; i++) {
            notifier.info(Map.of(), "compute.instance.create.end", Map.of("n", i)).join();
        }
        await(seen, 12);
        Thread.sleep(100); // nothing more may come: each pool got each notification exactly once
        assertThat(seen.stream().filter(s -> s.startsWith("audit:"))).hasSize(6);
        assertThat(seen.stream().filter(s -> s.startsWith("billing-")).map(s -> s.substring(s.indexOf(':'))))
                .containsExactlyInAnyOrder(":0", ":1", ":2", ":3", ":4", ":5");
    }

    @Test
    void requeuedNotificationsAreDeliveredAgain() throws Exception {
        Transport t = transport();
        List<String> seen = new CopyOnWriteArrayList<>();
        listener(t, null, new Counting("l", seen, 2));
        Notifier.builder(t).publisherId("p").build().info(Map.of(), "e", Map.of("n", 7)).join();
        await(seen, 1);
        assertThat(seen).containsExactly("l:7");
    }

    @Test
    void notificationsSentBeforeAListenerExistsWaitForIt() throws Exception {
        Transport t = transport();
        Notifier.builder(t).publisherId("p").build().info(Map.of(), "e", Map.of("n", 1)).join();
        List<String> seen = new CopyOnWriteArrayList<>();
        listener(t, "late-pool", new Counting("pool", seen, 0));
        await(seen, 1);
        assertThat(seen).containsExactly("pool:1");
    }
}
