package dev.oslo4j.conformance.interop;

import dev.oslo4j.conformance.broker.BrokerUnderTest;
import dev.oslo4j.conformance.broker.OnEveryBroker;
import dev.oslo4j.conformance.python.PeerCommand;
import dev.oslo4j.conformance.python.PeerConfig;
import dev.oslo4j.conformance.python.PeerJson;
import dev.oslo4j.conformance.python.PythonListener;
import dev.oslo4j.conformance.python.PythonNotifier;
import dev.oslo4j.conformance.python.ReceivedBatch;
import dev.oslo4j.conformance.python.ReceivedNotification;
import dev.oslo4j.conformance.python.RequiresPython;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Python notifier → Python listener through the broker: proves the peers and the broker, and
 * records the reference behaviour the Java notifier/listener suites must match.
 */
@RequiresPython
class PythonToPythonNotificationTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> PRIORITIES = List.of("audit", "debug", "info", "warn", "error", "critical",
            "sample");

    private Interop it;
    private String exchange;
    private String topic;

    @BeforeEach
    void names(BrokerUnderTest broker) {
        it = Interop.on(broker);
        exchange = it.names.exchange("notify");
        topic = it.names.topic("notify");
    }

    @AfterEach
    void cleanUp() throws Exception {
        it.close();
    }

    private PeerConfig listenerConfig() {
        return it.python()
                .with("targets", List.of(Map.of("topic", topic, "exchange", exchange)));
    }

    private PythonNotifier notifier() {
        return PythonNotifier.start(it.python().controlExchange(exchange));
    }

    private PeerCommand notification(String priority, String driver) {
        return PeerCommand.notify(priority, "compute.instance.create.end").driver(driver).topics(topic)
                .publisherId("compute.host1").payload(Map.of("instance_id", "uuid-1", "priority", priority))
                .ctxt(InteropPayloads.context());
    }

    @OnEveryBroker
    void everyPriorityArrivesWithItsFieldsV1() {
        everyPriorityArrivesWithItsFields("messaging");
    }

    @OnEveryBroker
    void everyPriorityArrivesWithItsFieldsV2() {
        everyPriorityArrivesWithItsFields("messagingv2");
    }

    private void everyPriorityArrivesWithItsFields(String driver) {
        try (PythonListener listener = PythonListener.start(listenerConfig()); PythonNotifier notifier = notifier()) {
            PRIORITIES.forEach(p -> notifier.notify(notification(p, driver)));
            List<ReceivedNotification> received = listener.awaitNotifications(PRIORITIES.size(), WAIT);

            assertThat(received).extracting(ReceivedNotification::priority)
                    .containsExactlyInAnyOrderElementsOf(PRIORITIES);
            for (ReceivedNotification n : received) {
                assertThat(n.publisherId()).isEqualTo("compute.host1");
                assertThat(n.eventType()).isEqualTo("compute.instance.create.end");
                assertThat(n.payload()).isEqualTo(PeerJson.tree(Map.of("instance_id", "uuid-1", "priority",
                        n.priority())));
                assertThat(n.messageId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
                assertThat(n.metadata().path("timestamp").asText())
                        .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?");
                assertThat(n.context()).isEqualTo(InteropPayloads.contextAsNotified());
            }
        }
    }

    @OnEveryBroker
    void twoPoolsEachGetEveryNotificationAndOnePoolSharesThem() {
        String poolA = it.names.pool("pool-a");
        String poolB = it.names.pool("pool-b");
        try (PythonListener a1 = PythonListener.start(listenerConfig().with("pool", poolA));
             PythonListener a2 = PythonListener.start(listenerConfig().with("pool", poolA));
             PythonListener b = PythonListener.start(listenerConfig().with("pool", poolB));
             PythonNotifier notifier = notifier()) {
            int sent = CompetingConsumers.sendUntilEachGotOne(
                    n -> notifier.notify(notification("info", "messagingv2").payload(Map.of("n", n))),
                    List.of(() -> a1.notifications().size(), () -> a2.notifications().size()), 40, WAIT);

            List<Integer> all = java.util.stream.IntStream.range(0, sent).boxed().toList();
            assertThat(b.awaitNotifications(sent, WAIT)).extracting(n -> n.payload().path("n").asInt())
                    .as("pool B got every notification").containsExactlyInAnyOrderElementsOf(all);
            List<Integer> poolASeen = new java.util.ArrayList<>();
            a1.notifications().forEach(n -> poolASeen.add(n.payload().path("n").asInt()));
            a2.notifications().forEach(n -> poolASeen.add(n.payload().path("n").asInt()));
            assertThat(poolASeen).as("pool A's two listeners got each notification once between them")
                    .containsExactlyInAnyOrderElementsOf(all);
        }
    }

    @OnEveryBroker
    void requeueRedeliversWhenTheListenerAllowsIt() {
        try (PythonListener listener = PythonListener.start(listenerConfig().with("allow_requeue", true)
                .with("results", Map.of("info", "requeue_once")));
             PythonNotifier notifier = notifier()) {
            notifier.notify(notification("info", "messagingv2"));
            List<ReceivedNotification> deliveries = listener.awaitNotifications(2, WAIT);
            assertThat(deliveries).extracting(ReceivedNotification::result).containsExactly("requeue", "handled");
            assertThat(deliveries).extracting(ReceivedNotification::attempt).containsExactly(1, 2);
            assertThat(deliveries.get(1).messageId()).isEqualTo(deliveries.get(0).messageId());
        }
    }

    @OnEveryBroker
    void batchesAreDeliveredBySizeThenByTimeout() {
        // The four notifications wait in the queue (the notifier declares it) before the listener starts, so
        // the first poll sees three at once however slowly the sender ran; the fourth then waits for the timeout.
        try (PythonNotifier notifier = notifier()) {
            for (int i = 0; i < 4; i++) {
                notifier.notify(notification("info", "messagingv2").payload(Map.of("n", i)));
            }
        }
        try (PythonListener listener = PythonListener.start(listenerConfig()
                .with("batch", Map.of("size", 3, "timeout", 1)))) {
            List<ReceivedBatch> batches = listener.awaitBatches(2, WAIT);
            assertThat(batches).extracting(ReceivedBatch::size).as("3 by size, then 1 by timeout").containsExactly(3, 1);
            assertThat(batches.stream().flatMap(x -> x.notifications().stream()).map(n -> n.payload().path("n").asInt()))
                    .containsExactlyInAnyOrder(0, 1, 2, 3);
        }
    }

    @OnEveryBroker
    void aFilterSkipsWhatDoesNotMatch() {
        try (PythonListener listener = PythonListener.start(listenerConfig()
                .with("filter", Map.of("event_type", "^compute\\.instance\\..*", "publisher_id", "^compute\\.")));
             PythonNotifier notifier = notifier()) {
            notifier.notify(notification("info", "messagingv2").with("event_type", "network.port.create"));
            notifier.notify(notification("info", "messagingv2").publisherId("network.host1"));
            notifier.notify(notification("info", "messagingv2").payload(Map.of("n", "match")));
            assertThat(listener.awaitNotifications(1, WAIT).get(0).payload().path("n").asText()).isEqualTo("match");
            assertThat(listener.notifications()).hasSize(1);
        }
    }
}
