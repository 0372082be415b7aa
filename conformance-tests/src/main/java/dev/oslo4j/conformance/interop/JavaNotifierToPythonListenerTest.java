package dev.oslo4j.conformance.interop;

import dev.oslo4j.conformance.broker.BrokerUnderTest;
import dev.oslo4j.conformance.broker.OnEveryBroker;
import dev.oslo4j.conformance.python.PeerJson;
import dev.oslo4j.conformance.python.PythonListener;
import dev.oslo4j.conformance.python.ReceivedNotification;
import dev.oslo4j.conformance.python.RequiresPython;
import dev.oslo4j.messaging.Notifier;
import dev.oslo4j.messaging.Priority;
import dev.oslo4j.messaging.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** oslo4j Notifier (v1 and v2) → Python oslo.messaging 14.0.3 notification listeners. */
@RequiresPython
class JavaNotifierToPythonListenerTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String UUID36 = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String PYTHON_TIMESTAMP = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?";

    private Interop it;
    private String exchange;
    private String topic;
    private Transport transport;

    @BeforeEach
    void setUp(BrokerUnderTest broker) {
        it = Interop.on(broker);
        exchange = it.names.exchange("j2p-notify");
        topic = it.names.topic("j2p-notify");
        transport = it.javaTransport(exchange);
    }

    @AfterEach
    void tearDown() throws Exception {
        it.close();
    }

    private PythonListener pythonListener(Object... extra) {
        var config = it.python().with("targets", List.of(Map.of("topic", topic, "exchange", exchange)));
        for (int i = 0; i < extra.length; i += 2) {
            config.with((String) extra[i], extra[i + 1]);
        }
        return it.track(PythonListener.start(config));
    }

    private Notifier javaNotifier(String driver) {
        return Notifier.builder(transport).publisherId("compute.host1").driver(driver).topics(topic).build();
    }

    private static void sent(java.util.concurrent.CompletableFuture<Void> confirmation) {
        try {
            confirmation.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the Java notifier did not get its notification confirmed", e);
        }
    }

    @OnEveryBroker
    void everyPriorityReachesThePythonEndpointWithEveryFieldV1() {
        everyPriorityReachesThePythonEndpointWithEveryField("messaging");
    }

    @OnEveryBroker
    void everyPriorityReachesThePythonEndpointWithEveryFieldV2() {
        everyPriorityReachesThePythonEndpointWithEveryField("messagingv2");
    }

    private void everyPriorityReachesThePythonEndpointWithEveryField(String driver) {
        PythonListener listener = pythonListener();
        Notifier notifier = javaNotifier(driver);
        Map<String, Object> ctxt = new java.util.LinkedHashMap<>(InteropPayloads.context());
        ctxt.put("auth_token", "secret-token-never-sent");
        for (Priority p : Priority.values()) {
            sent(notifier.notify(p, ctxt, "compute.instance.create.end",
                    Map.of("instance_id", "uuid-1", "priority", p.routingName())));
        }
        sent(notifier.warning(ctxt, "compute.instance.create.end", Map.of("instance_id", "uuid-1", "priority", "warn")));

        List<ReceivedNotification> received = listener.awaitNotifications(Priority.values().length + 1, WAIT);
        assertThat(received).extracting(ReceivedNotification::priority).containsExactlyInAnyOrder(
                "audit", "debug", "info", "warn", "error", "critical", "sample", "warn");
        for (ReceivedNotification n : received) {
            assertThat(n.publisherId()).isEqualTo("compute.host1");
            assertThat(n.eventType()).isEqualTo("compute.instance.create.end");
            assertThat(n.payload()).isEqualTo(PeerJson.tree(Map.of("instance_id", "uuid-1", "priority", n.priority())));
            assertThat(n.messageId()).matches(UUID36);
            assertThat(n.metadata().path("timestamp").asText()).matches(PYTHON_TIMESTAMP);
            assertThat(n.context()).as("14.0.3's whitelist: no token, no unknown keys")
                    .isEqualTo(InteropPayloads.contextAsNotified());
        }
    }

    @OnEveryBroker
    void payloadsOfEveryJsonShapeArriveUnchanged() {
        PythonListener listener = pythonListener("priorities", List.of("info"));
        Notifier notifier = javaNotifier("messagingv2");
        List<Object> payloads = Arrays.asList(InteropPayloads.nestedNonAscii(), InteropPayloads.pythonFloats(),
                "just a string", 42, null, InteropPayloads.largeText(1_100_000));
        for (Object payload : payloads) {
            sent(notifier.info(Map.of(), "shapes", payload));
        }
        List<ReceivedNotification> received = listener.awaitNotifications(payloads.size(), WAIT);
        assertThat(received).extracting(ReceivedNotification::payload)
                .containsExactlyInAnyOrderElementsOf(payloads.stream().map(PeerJson::tree).toList());
    }

    @OnEveryBroker
    void twoPythonPoolsEachGetEveryJavaNotification() {
        PythonListener a = pythonListener("pool", it.names.pool("pool-a"), "priorities", List.of("info"));
        PythonListener b = pythonListener("pool", it.names.pool("pool-b"), "priorities", List.of("info"));
        Notifier notifier = javaNotifier("messagingv2");
        for (int i = 0; i < 5; i++) {
            sent(notifier.info(Map.of(), "pooled", Map.of("n", i)));
        }
        for (PythonListener listener : List.of(a, b)) {
            assertThat(listener.awaitNotifications(5, WAIT)).extracting(n -> n.payload().path("n").asInt())
                    .containsExactlyInAnyOrder(0, 1, 2, 3, 4);
        }
    }

    @OnEveryBroker
    void aPythonListenerRequeuesAJavaNotificationAndGetsItAgain() {
        PythonListener listener = pythonListener("allow_requeue", true, "results", Map.of("error", "requeue_once"));
        sent(javaNotifier("messagingv2").error(Map.of(), "compute.instance.delete.error", Map.of("id", 1)));
        List<ReceivedNotification> deliveries = listener.awaitNotifications(2, WAIT);
        assertThat(deliveries).extracting(ReceivedNotification::result).containsExactly("requeue", "handled");
        assertThat(deliveries.get(1).messageId()).isEqualTo(deliveries.get(0).messageId());
    }
}
