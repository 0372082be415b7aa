package dev.oslo4j.messaging.it;

import dev.oslo4j.messaging.BrokerConnectionError;
import dev.oslo4j.messaging.MessageDeliveryFailure;
import dev.oslo4j.messaging.MessagingException;
import dev.oslo4j.messaging.MessagingOptions;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.RpcServer;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import dev.oslo4j.testsupport.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Connection loss, broker outage and failover, through a proxy whose connections the test cuts. */
class RecoveryIT extends OnBothBrokers {

    private CuttableProxy proxy;
    private String topic;
    private MessagingOptions options;
    static final ConcurrentLinkedQueue<String> RECORDED = new ConcurrentLinkedQueue<>();

    public static class Service {
        public String ping(String v) {
            return v;
        }

        public void record(String note) {
            RECORDED.add(note);
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        RECORDED.clear();
        proxy = new CuttableProxy(broker.port());
        topic = broker.uniqueTopic("recovery");
        String exchange = broker.uniqueTopic("x");
        broker.deleteQueueAfter(topic, topic + ".s1");
        broker.deleteExchangeAfter(exchange, topic + "_fanout");
        options = MessagingOptions.builder().controlExchange(exchange)
                .set("rabbit_retry_interval", 1).set("rabbit_retry_backoff", 0).build();
    }

    @AfterEach
    void tearDown() throws Exception {
        proxy.close();
    }

    private String url() {
        return "rabbit://guest:guest@127.0.0.1:" + proxy.port() + "/";
    }

    private static boolean pings(RpcClient c, String v) {
        try {
            return v.equals(c.prepare().timeout(Duration.ofSeconds(1)).build().call(Map.of(), "ping", Map.of("v", v))
                    .textValue());
        } catch (MessagingException e) {
            return false;
        }
    }

    @Test
    void serverAndReplyQueueRecoverAfterConnectionsAreCut() {
        try (Transport t = Transport.open(url(), options);
             RpcServer s = RpcServer.builder(t, Target.topic(topic).withServer("s1")).endpoint(new Service()).build().start()) {
            RpcClient c = RpcClient.builder(t, Target.topic(topic)).build();
            assertThat(pings(c, "before")).isTrue();
            for (int round = 0; round < 3; round++) {
                proxy.cut();
                String v = "after-" + round;
                Await.until(Duration.ofSeconds(15), "calls work again after cut " + round, () -> pings(c, v));
            }
            c.prepare().fanout(true).build().cast(Map.of(), "record", Map.of("note", "fanout-after-cuts"));
            Await.until(Duration.ofSeconds(5), "the re-declared fanout queue receives casts",
                    () -> RECORDED.contains("fanout-after-cuts"));
        }
    }

    @Test
    void callsDuringAnOutageFailWithinTheirTimeoutAndWorkAfterwards() throws Exception {
        try (Transport t = Transport.open(url(), options);
             RpcServer s = RpcServer.builder(t, Target.topic(topic).withServer("s1")).endpoint(new Service()).build().start()) {
            RpcClient c = RpcClient.builder(t, Target.topic(topic)).timeout(Duration.ofSeconds(2)).build();
            assertThat(pings(c, "up")).isTrue();
            proxy.refuse(true);
            proxy.cut();
            CompletableFuture<?> during = c.callAsync(Map.of(), "ping", Map.of("v", "down"));
            assertThatThrownBy(() -> during.get(3, TimeUnit.SECONDS))
                    .as("fails within timeout + 1 s, never hangs").hasCauseInstanceOf(MessagingException.class);
            assertThatThrownBy(() -> RpcClient.builder(t, Target.topic(topic)).retry(0).build()
                    .cast(Map.of(), "record", Map.of("note", "no-retry")))
                    .isInstanceOf(MessageDeliveryFailure.class);
            CompletableFuture<Void> retried = c.castAsync(Map.of(), "record", Map.of("note", "retried"));
            proxy.refuse(false);
            retried.get(15, TimeUnit.SECONDS);
            Await.until(Duration.ofSeconds(15), "the cast sent during the outage is processed",
                    () -> RECORDED.contains("retried"));
            Await.until(Duration.ofSeconds(15), "calls work again", () -> pings(c, "back"));
            assertThat(RECORDED).doesNotContain("no-retry");
        }
    }

    @Test
    void failsOverToTheNextHost() throws Exception {
        int dead;
        try (ServerSocket s = new ServerSocket(0)) {
            dead = s.getLocalPort();
        }
        String multi = "rabbit://guest:guest@127.0.0.1:" + dead + ",guest:guest@127.0.0.1:" + proxy.port() + "/";
        try (Transport t = Transport.open(multi, options);
             RpcServer s = RpcServer.builder(t, Target.topic(topic).withServer("s1")).endpoint(new Service()).build().start()) {
            RpcClient c = RpcClient.builder(t, Target.topic(topic)).build();
            assertThat(pings(c, "one")).isTrue();
            proxy.cut();
            Await.until(Duration.ofSeconds(15), "reconnected through the live host", () -> pings(c, "two"));
        }
    }

    @Test
    void openingExplainsEachUnreachableHost() throws Exception {
        int dead;
        try (ServerSocket s = new ServerSocket(0)) {
            dead = s.getLocalPort();
        }
        assertThatThrownBy(() -> Transport.open("rabbit://guest:topsecret@127.0.0.1:" + dead + "/"))
                .isInstanceOf(BrokerConnectionError.class)
                .hasMessageContaining("127.0.0.1:" + dead).hasMessageContaining("connection refused")
                .hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> Transport.open("rabbit://guest:wrong-password@127.0.0.1:" + broker.port() + "/"))
                .isInstanceOf(BrokerConnectionError.class).hasMessageContaining("authentication failed")
                .hasMessageNotContaining("wrong-password");
        assertThatThrownBy(() -> Transport.open("rabbit://guest:guest@127.0.0.1:" + broker.port() + "/no-such-vhost-" + topic))
                .isInstanceOf(BrokerConnectionError.class).hasMessageContaining("virtual host");
    }
}
