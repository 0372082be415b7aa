package dev.oslo4j.messaging.it;

import dev.oslo4j.messaging.TransportInternals;
import dev.oslo4j.messaging.driver.rabbit.RabbitDiagnostics;
import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.GetResponse;
import dev.oslo4j.messaging.InvalidTarget;
import dev.oslo4j.messaging.MessagingOptions;
import dev.oslo4j.messaging.MessagingTimeout;
import dev.oslo4j.messaging.RemoteError;
import dev.oslo4j.messaging.RequestContext;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.RpcEndpoint;
import dev.oslo4j.messaging.RpcServer;
import dev.oslo4j.messaging.RpcVersionCapError;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import dev.oslo4j.messaging.wire.Envelope;
import dev.oslo4j.testsupport.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RpcIT extends OnBothBrokers {

    private String topic;
    private String exchange;
    private Transport transport;
    private final List<AutoCloseable> closeAfter = new ArrayList<>();
    static final ConcurrentLinkedQueue<String> RECORDED = new ConcurrentLinkedQueue<>();

    public static class Service {
        private final String name;

        public Service(String name) {
            this.name = name;
        }

        public Object echo(RequestContext ctxt, Object arg) {
            return arg;
        }

        public Map<String, Object> context(RequestContext ctxt) {
            return ctxt.toMap();
        }

        public String whoami() {
            return name;
        }

        public void record(String note) {
            RECORDED.add(name + ":" + note);
        }

        public double sleep(double seconds) throws InterruptedException {
            Thread.sleep((long) (seconds * 1000));
            return seconds;
        }

        public Object fail(String message) {
            throw RemoteError.builder("nova.exception", "InstanceNotFound").message(message)
                    .args(List.of()).kwarg("instance_id", "i-1").build();
        }

        public Object javaFail() {
            throw new IllegalStateException("java says no");
        }
    }

    @RpcEndpoint(namespace = "ns2", version = "2.3")
    public static class Versioned {
        public String whoami() {
            return "ns2-2.3";
        }
    }

    @BeforeEach
    void open() {
        RECORDED.clear();
        topic = broker.uniqueTopic("rpc");
        exchange = broker.uniqueTopic("x");
        broker.deleteQueueAfter(topic, topic + ".s1", topic + ".s2");
        broker.deleteExchangeAfter(exchange, topic + "_fanout");
        transport = Transport.open(broker.url(), MessagingOptions.builder().controlExchange(exchange).build());
    }

    @AfterEach
    void close() throws Exception {
        for (int i = closeAfter.size() - 1; i >= 0; i--) {
            closeAfter.get(i).close();
        }
        transport.close();
    }

    private RpcServer server(String name, Object... endpoints) {
        RpcServer.Builder b = RpcServer.builder(transport, Target.topic(topic).withServer(name));
        for (Object e : endpoints) {
            b.endpoint(e);
        }
        RpcServer s = b.build().start();
        closeAfter.add(s);
        return s;
    }

    private RpcClient client() {
        return RpcClient.builder(transport, Target.topic(topic)).timeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void callReturnsTheResultAndTheContextTravels() {
        server("s1", new Service("s1"));
        RpcClient c = client();
        JsonNode r = c.call(Map.of(), "echo", Map.of("arg", Map.of("nested", List.of(1, "zwei", Map.of("drei", 3.5)),
                "text", "w\u00f6rld \u20ac \uD83D\uDE00")));
        assertThat(r.get("nested").get(2).get("drei").doubleValue()).isEqualTo(3.5);
        assertThat(r.get("text").textValue()).isEqualTo("w\u00f6rld \u20ac \uD83D\uDE00");
        @SuppressWarnings("unchecked")
        Map<String, Object> ctx = c.call(Map.of("request_id", "req-1", "roles", List.of("admin")), "context", Map.of(), Map.class);
        assertThat(ctx).containsEntry("request_id", "req-1").containsEntry("roles", List.of("admin"))
                .containsKey("client_timeout");
        assertThat(c.call(Map.of(), "whoami", Map.of(), String.class)).isEqualTo("s1");
    }

    @Test
    void largePayloadsRoundTrip() {
        server("s1", new Service("s1"));
        String big = "x".repeat(2_000_000);
        assertThat(client().call(Map.of(), "echo", Map.of("arg", big)).textValue()).hasSize(2_000_000);
    }

    @Test
    void deletedQueuesAreRedeclaredAfterTheBrokerCancelsTheirConsumers() throws Exception {
        server("s1", new Service("s1"));
        RpcClient c = client();
        assertThat(c.call(Map.of(), "whoami", Map.of(), String.class)).isEqualTo("s1");
        String replyQueue = RabbitDiagnostics.replyQueueName(TransportInternals.driver(transport));
        broker.channel(ch -> ch.queueDelete(replyQueue));
        broker.channel(ch -> ch.queueDelete(topic));
        Await.until(Duration.ofSeconds(10), "calls work again", () -> {
            try {
                return "s1".equals(c.prepare().timeout(Duration.ofMillis(800)).build()
                        .call(Map.of(), "whoami", Map.of(), String.class));
            } catch (dev.oslo4j.messaging.MessagingException e) {
                return false;
            }
        });
    }

    @Test
    void castIsProcessedAndNeverAnswered() throws Exception {
        server("s1", new Service("s1"));
        client().cast(Map.of(), "record", Map.of("note", "hello"));
        Await.until(Duration.ofSeconds(5), "the cast is processed", () -> RECORDED.contains("s1:hello"));
        String replyQueue = RabbitDiagnostics.replyQueueName(TransportInternals.driver(transport));
        assertThat(replyQueue).as("a cast needs no reply queue").isNull();
    }

    @Test
    void serverTargetedCallAndCastReachOnlyThatServer() {
        server("s1", new Service("s1"));
        server("s2", new Service("s2"));
        RpcClient toS2 = client().prepare().server("s2").build();
        for (int i = 0; i < 5; i++) {
            assertThat(toS2.call(Map.of(), "whoami", Map.of(), String.class)).isEqualTo("s2");
        }
        toS2.cast(Map.of(), "record", Map.of("note", "only-s2"));
        Await.until(Duration.ofSeconds(5), "the cast is processed", () -> RECORDED.contains("s2:only-s2"));
        assertThat(RECORDED).doesNotContain("s1:only-s2");
    }

    @Test
    void fanoutCastReachesEveryServer() {
        server("s1", new Service("s1"));
        server("s2", new Service("s2"));
        client().prepare().fanout(true).build().cast(Map.of(), "record", Map.of("note", "all"));
        Await.until(Duration.ofSeconds(5), "both servers processed it",
                () -> RECORDED.contains("s1:all") && RECORDED.contains("s2:all"));
        assertThatThrownBy(() -> client().prepare().fanout(true).build().call(Map.of(), "whoami", Map.of()))
                .isInstanceOf(InvalidTarget.class).hasMessageContaining("fanout");
    }

    @Test
    void callTimesOutWhenTheServerIsTooSlow() {
        server("s1", new Service("s1"));
        assertThatThrownBy(() -> client().prepare().timeout(Duration.ofMillis(700)).build()
                .call(Map.of(), "sleep", Map.of("seconds", 3)))
                .isInstanceOf(MessagingTimeout.class).hasMessageContaining("Timed out waiting for a reply");
    }

    @Test
    void callToATopicNobodyServesTimesOut() {
        assertThatThrownBy(() -> client().prepare().timeout(Duration.ofMillis(500)).build()
                .call(Map.of(), "whoami", Map.of())).isInstanceOf(MessagingTimeout.class);
    }

    @Test
    void callMonitorHeartbeatsKeepALongCallAlive() {
        server("s1", new Service("s1"));
        RpcClient c = client().prepare().callMonitorTimeout(Duration.ofSeconds(2)).timeout(Duration.ofSeconds(20)).build();
        assertThat(c.call(Map.of(), "sleep", Map.of("seconds", 3.2)).doubleValue()).isEqualTo(3.2);
    }

    @Test
    void callMonitorTimeoutFiresWhenTheServerIsSilent() throws Exception {
        // a "server" that takes requests and never answers nor heartbeats
        broker.deleteQueueAfter(topic);
        broker.channel(ch -> {
            ch.exchangeDeclare(exchange, "topic", false, false, null);
            ch.queueDeclare(topic, false, false, false, null);
            return ch.queueBind(topic, exchange, topic);
        });
        RpcClient c = client().prepare().callMonitorTimeout(Duration.ofSeconds(1)).timeout(Duration.ofSeconds(20)).build();
        // the message tells the call-monitor timer fired, not the 20 s overall timeout
        assertThatThrownBy(() -> c.call(Map.of(), "whoami", Map.of())).isInstanceOf(MessagingTimeout.class)
                .hasMessageContaining("heartbeat");
    }

    @Test
    void remoteErrorsKeepModuleClassMessageAndKwargs() {
        server("s1", new Service("s1"));
        assertThatThrownBy(() -> client().call(Map.of(), "fail", Map.of("message", "Instance i-1 could not be found.")))
                .isInstanceOfSatisfying(RemoteError.class, e -> {
                    assertThat(e.module()).isEqualTo("nova.exception");
                    assertThat(e.exceptionClass()).isEqualTo("InstanceNotFound");
                    assertThat(e.value()).isEqualTo("Instance i-1 could not be found.");
                    assertThat(e.kwargs()).isEqualTo(Map.of("instance_id", "i-1"));
                    assertThat(e.traceback()).isNotEmpty();
                });
        assertThatThrownBy(() -> client().call(Map.of(), "javaFail", Map.of()))
                .isInstanceOfSatisfying(RemoteError.class, e -> {
                    assertThat(e.module()).isEqualTo("java.lang");
                    assertThat(e.exceptionClass()).isEqualTo("IllegalStateException");
                    assertThat(e.value()).isEqualTo("java says no");
                });
    }

    static class InstanceNotFound extends RuntimeException {
        final Object instanceId;

        InstanceNotFound(RemoteError e) {
            super(e.value());
            this.instanceId = e.kwargs().get("instance_id");
        }
    }

    @Test
    void allowListedRemoteErrorsBecomeJavaTypes() {
        server("s1", new Service("s1"));
        try (Transport mapped = Transport.open(broker.url(), MessagingOptions.builder().controlExchange(exchange)
                .mapRemoteException("nova.exception", "InstanceNotFound", InstanceNotFound::new).build())) {
            RpcClient c = RpcClient.builder(mapped, Target.topic(topic)).build();
            assertThatThrownBy(() -> c.call(Map.of(), "fail", Map.of("message", "gone")))
                    .isInstanceOfSatisfying(InstanceNotFound.class, e -> assertThat(e.instanceId).isEqualTo("i-1"));
        }
    }

    @Test
    void dispatchFailuresAreRemoteErrorsWithOslosClasses() {
        server("s1", new Service("s1"), new Versioned());
        assertThatThrownBy(() -> client().call(Map.of(), "nosuch", Map.of()))
                .isInstanceOfSatisfying(RemoteError.class, e -> {
                    assertThat(e.exceptionClass()).isEqualTo("NoSuchMethod");
                    assertThat(e.module()).isEqualTo("oslo_messaging.rpc.dispatcher");
                });
        assertThatThrownBy(() -> client().prepare().namespace("ns2").version("2.4").build().call(Map.of(), "whoami", Map.of()))
                .isInstanceOfSatisfying(RemoteError.class, e -> assertThat(e.value())
                        .isEqualTo("Endpoint does not support RPC version 2.4. Attempted method: whoami"));
        assertThat(client().prepare().namespace("ns2").version("2.1").build().call(Map.of(), "whoami", Map.of(), String.class))
                .isEqualTo("ns2-2.3");
        assertThatThrownBy(() -> client().call(Map.of(), "echo", Map.of("wrong", 1)))
                .isInstanceOfSatisfying(RemoteError.class, e -> assertThat(e.exceptionClass()).isEqualTo("TypeError"));
    }

    @Test
    void versionCapIsCheckedBeforeSending() {
        RpcClient capped = RpcClient.builder(transport, Target.topic(topic).withVersion("2.6")).versionCap("2.5").build();
        assertThat(capped.canSendVersion("2.5")).isTrue();
        assertThat(capped.canSendVersion("2.6")).isFalse();
        assertThatThrownBy(() -> capped.cast(Map.of(), "x", Map.of())).isInstanceOf(RpcVersionCapError.class);
    }

    @Test
    void manyConcurrentCallersGetTheirOwnAnswers() throws Exception {
        server("s1", new Service("s1"));
        RpcClient c = client();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 32; t++) {
                int id = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        String v = id + "-" + i;
                        if (!v.equals(c.call(Map.of(), "echo", Map.of("arg", v)).textValue())) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isTrue();
            }
            List<java.util.concurrent.CompletableFuture<JsonNode>> async = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                async.add(c.callAsync(Map.of(), "echo", Map.of("arg", i)));
            }
            for (int i = 0; i < 200; i++) {
                assertThat(async.get(i).get(30, TimeUnit.SECONDS).intValue()).isEqualTo(i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Asynchronous results never complete on an amqp-client thread, where a caller's blocking stage would stall I/O. */
    @Test
    void asyncResultsCompleteOffTheAmqpThreads() throws Exception {
        server("s1", new Service("s1"));
        RpcClient c = client();
        java.util.Set<String> completers = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<java.util.concurrent.CompletableFuture<?>> pending = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            pending.add(c.castAsync(Map.of(), "record", Map.of("note", "n" + i))
                    .whenComplete((v, e) -> completers.add(Thread.currentThread().getName())));
            pending.add(c.callAsync(Map.of(), "echo", Map.of("arg", i))
                    .whenComplete((v, e) -> completers.add(Thread.currentThread().getName())));
        }
        for (var f : pending) {
            f.get(30, TimeUnit.SECONDS);
        }
        completers.remove(Thread.currentThread().getName()); // stages added to an already complete future run here
        assertThat(completers).isNotEmpty().allMatch(name -> name.startsWith("oslo4j-completion-"));
        assertThat(transport.completionThreads()).isBetween(2, 4);
    }

    /** A server given an executor runs its endpoints there, and stopping waits for what it handed over. */
    @Test
    void aServerRunsItsEndpointsOnTheExecutorItWasGiven() throws Exception {
        java.util.concurrent.ExecutorService mine = java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "app-endpoint");
            t.setDaemon(true);
            return t;
        });
        try {
            java.util.Set<String> ran = java.util.concurrent.ConcurrentHashMap.newKeySet();
            java.util.concurrent.atomic.AtomicInteger observed = new java.util.concurrent.atomic.AtomicInteger();
            RpcServer s = RpcServer.builder(transport, Target.topic(topic).withServer("s1"))
                    .endpoint(new Service("s1")).executor(mine)
                    .onRequest(info -> {
                        ran.add(Thread.currentThread().getName());
                        observed.incrementAndGet();
                    }).build().start();
            closeAfter.add(s);
            RpcClient c = client();
            assertThat(c.call(Map.of(), "whoami", Map.of()).asText()).isEqualTo("s1");
            java.util.concurrent.CompletableFuture<JsonNode> slow = c.callAsync(Map.of(), "sleep",
                    Map.of("seconds", 0.5));
            Await.until(Duration.ofSeconds(10), "the sleep request reached the endpoint", () -> observed.get() == 2);
            assertThat(ran).containsExactly("app-endpoint");
            assertThat(s.await(Duration.ofSeconds(10))).as("stopping waited for the running request").isTrue();
            assertThat(slow.get(10, TimeUnit.SECONDS).asDouble()).isEqualTo(0.5);
            assertThat(mine.isShutdown()).as("the application's executor is left running").isFalse();
        } finally {
            mine.shutdownNow();
        }
    }

    /** An executor given to the transport runs every asynchronous completion: RPC and notifier futures. */
    @Test
    void asyncResultsCompleteOnTheExecutorGivenToTheTransport() throws Exception {
        server("s1", new Service("s1"));
        java.util.concurrent.ExecutorService mine = java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "app-completion");
            t.setDaemon(true);
            return t;
        });
        try (Transport own = Transport.open(broker.url(), MessagingOptions.builder().controlExchange(exchange).build(),
                mine)) {
            RpcClient c = RpcClient.builder(own, Target.topic(topic)).timeout(Duration.ofSeconds(30)).build();
            dev.oslo4j.messaging.Notifier notifier = dev.oslo4j.messaging.Notifier.builder(own).topics(topic + "-n")
                    .build();
            java.util.Set<String> completers = java.util.concurrent.ConcurrentHashMap.newKeySet();
            List<java.util.concurrent.CompletableFuture<?>> pending = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                pending.add(c.castAsync(Map.of(), "record", Map.of("note", "m" + i))
                        .whenComplete((v, e) -> completers.add(Thread.currentThread().getName())));
                pending.add(c.callAsync(Map.of(), "echo", Map.of("arg", i))
                        .whenComplete((v, e) -> completers.add(Thread.currentThread().getName())));
                pending.add(notifier.info(Map.of(), "x.y", Map.of("i", i))
                        .whenComplete((v, e) -> completers.add(Thread.currentThread().getName())));
            }
            for (var f : pending) {
                f.get(30, TimeUnit.SECONDS);
            }
            completers.remove(Thread.currentThread().getName());
            assertThat(completers).containsExactly("app-completion");
            assertThat(own.completionThreads()).isZero();
        } finally {
            mine.shutdownNow();
            broker.deleteQueueAfter(topic + "-n.info");
        }
    }

    @Test
    void requestsCarryOslosAmqpPropertiesAndTopology() throws Exception {
        String spy = broker.uniqueTopic("spy");
        broker.deleteQueueAfter(spy);
        broker.channel(ch -> {
            ch.exchangeDeclare(exchange, "topic", false, false, null);
            ch.queueDeclare(spy, false, false, false, null);
            return ch.queueBind(spy, exchange, "#");
        });
        client().cast(Map.of("user_id", "u"), "record", Map.of("note", "n"));
        // Long enough that the copy in the spy queue cannot expire (its TTL is the call timeout) on a busy machine.
        client().prepare().timeout(Duration.ofSeconds(30)).build().callAsync(Map.of(), "whoami", Map.of());
        GetResponse cast = awaitMessage(spy);
        GetResponse call = awaitMessage(spy);
        for (GetResponse r : List.of(cast, call)) {
            AMQP.BasicProperties p = r.getProps();
            assertThat(p.getContentType()).isEqualTo("application/json");
            assertThat(p.getContentEncoding()).isEqualTo("utf-8");
            assertThat(p.getDeliveryMode()).isEqualTo(2);
            assertThat(p.getPriority()).isZero();
            assertThat(p.getHeaders()).isEmpty();
            assertThat(p.getCorrelationId()).isNull();
            assertThat(p.getReplyTo()).isNull();
            assertThat(r.getEnvelope().getRoutingKey()).isEqualTo(topic);
        }
        assertThat(cast.getProps().getExpiration()).isNull();
        assertThat(call.getProps().getExpiration()).isEqualTo("30000");
        JsonNode inner = Envelope.unwrap(cast.getBody());
        assertThat(inner.get("_context_user_id").textValue()).isEqualTo("u");
        assertThat(new String(cast.getBody(), StandardCharsets.UTF_8)).startsWith("{\"oslo.version\": \"2.0\", \"oslo.message\": \"{\\\"method\\\": \\\"record\\\"");
    }

    @Test
    void bodiesAreCompressedWhenConfiguredAndAlwaysUnderstood() throws Exception {
        server("s1", new Service("s1")); // uncompressed transport: must still read compressed requests
        String spy = broker.uniqueTopic("spy");
        broker.deleteQueueAfter(spy);
        broker.channel(ch -> {
            ch.queueDeclare(spy, false, false, false, null);
            return ch.queueBind(spy, exchange, "#");
        });
        for (String kind : List.of("gzip", "bz2")) {
            try (Transport zipped = Transport.open(broker.url() + "?kombu_compression=" + kind,
                    MessagingOptions.builder().controlExchange(exchange).build())) {
                RpcClient c = RpcClient.builder(zipped, Target.topic(topic)).build();
                assertThat(c.call(Map.of(), "echo", Map.of("arg", "squeezed " + kind)).textValue())
                        .isEqualTo("squeezed " + kind);
                GetResponse seen = awaitMessage(spy);
                assertThat(seen.getProps().getHeaders()).containsKey("compression");
                assertThat(seen.getProps().getHeaders().get("compression").toString())
                        .isEqualTo(kind.equals("gzip") ? "application/x-gzip" : "application/x-bz2");
                assertThat(seen.getProps().getContentType()).isEqualTo("application/json");
            }
        }
    }

    private GetResponse awaitMessage(String queue) throws Exception {
        GetResponse[] got = new GetResponse[1];
        Await.until(Duration.ofSeconds(5), "a message on " + queue, () -> {
            try {
                got[0] = broker.channel(ch -> ch.basicGet(queue, true));
                return got[0] != null;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return got[0];
    }

    @Test
    void serverQueuesSurviveAndTheFanoutQueueIsDeletedOnClose() throws Exception {
        RpcServer s = RpcServer.builder(transport, Target.topic(topic).withServer("s1")).endpoint(new Service("s1"))
                .build().start();
        client().call(Map.of(), "whoami", Map.of());
        Boolean fanoutExists = broker.channel(ch -> ch.exchangeDeclarePassive(topic + "_fanout") != null);
        assertThat(fanoutExists).isTrue();
        s.close();
        String shared = broker.channel(ch -> ch.queueDeclarePassive(topic).getQueue());
        String own = broker.channel(ch -> ch.queueDeclarePassive(topic + ".s1").getQueue());
        assertThat(shared).isEqualTo(topic);
        assertThat(own).isEqualTo(topic + ".s1");
        // the auto-delete fanout exchange disappears with its last queue: the fanout queue was deleted
        assertThatThrownBy(() -> broker.channel(ch -> ch.exchangeDeclarePassive(topic + "_fanout")))
                .hasStackTraceContaining("NOT_FOUND");
    }

    @Test
    void castsWaitInTheServerQueueUntilTheServerComesBack() {
        RpcServer s = server("s1", new Service("s1"));
        s.close();
        client().prepare().server("s1").build().cast(Map.of(), "record", Map.of("note", "later"));
        server("s1", new Service("s1-again"));
        Await.until(Duration.ofSeconds(5), "the queued cast is processed", () -> RECORDED.contains("s1-again:later"));
    }

    @Test
    void pingEndpointWhenEnabled() {
        try (Transport t = Transport.open(broker.url() + "?rpc_ping_enabled=true",
                MessagingOptions.builder().controlExchange(exchange).build())) {
            RpcServer s = RpcServer.builder(t, Target.topic(topic).withServer("s1")).endpoint(new Service("s1")).build().start();
            closeAfter.add(s);
            assertThat(RpcClient.builder(t, Target.topic(topic)).build().call(Map.of(), "oslo_rpc_server_ping", Map.of())
                    .textValue()).isEqualTo("pong");
        }
    }

    @Test
    void stopLetsRunningRequestsFinish() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Object slow = new Object() {
            public String slow() throws InterruptedException {
                started.countDown();
                Thread.sleep(500);
                return "done";
            }
        };
        RpcServer s = RpcServer.builder(transport, Target.topic(topic).withServer("s1")).endpoint(slow).build().start();
        var f = client().callAsync(Map.of(), "slow", Map.of());
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        s.close();
        assertThat(f.get(5, TimeUnit.SECONDS).textValue()).isEqualTo("done");
    }
}
