package dev.oslo4j.conformance.interop;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import dev.oslo4j.conformance.broker.BrokerUnderTest;
import dev.oslo4j.conformance.broker.OnEveryBroker;
import dev.oslo4j.conformance.python.PeerCommand;
import dev.oslo4j.conformance.python.PeerJson;
import dev.oslo4j.conformance.python.PythonListener;
import dev.oslo4j.conformance.python.PythonNotifier;
import dev.oslo4j.conformance.python.RequiresPython;
import dev.oslo4j.messaging.BatchNotificationEndpoint;
import dev.oslo4j.messaging.Notification;
import dev.oslo4j.messaging.NotificationFilter;
import dev.oslo4j.messaging.NotificationListener;
import dev.oslo4j.messaging.NotificationResult;
import dev.oslo4j.messaging.Priority;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import dev.oslo4j.testsupport.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Python oslo.messaging 14.0.3 notifiers (v1 and v2) → oslo4j NotificationListener. */
@RequiresPython
class PythonNotifierToJavaListenerTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String UUID36 = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String PYTHON_TIMESTAMP = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?";

    private Interop it;
    private Transport transport;
    private String exchange;
    private String topic;

    @BeforeEach
    void setUp(BrokerUnderTest broker) {
        it = Interop.on(broker);
        transport = it.javaTransport();
        exchange = it.names.exchange("p2j-notify");
        topic = it.names.topic("p2j-notify");
    }

    @AfterEach
    void tearDown() throws Exception {
        it.close();
    }

    private NotificationListener.Builder javaListener(Object endpoint) {
        return NotificationListener.builder(transport).target(Target.builder().exchange(exchange).topic(topic).build())
                .endpoint(endpoint);
    }

    private NotificationListener start(NotificationListener.Builder builder) {
        return it.track(builder.build().start());
    }

    private PythonNotifier pythonNotifier() {
        return it.track(PythonNotifier.start(it.python().controlExchange(exchange)));
    }

    private PeerCommand notification(String priority, String driver) {
        return PeerCommand.notify(priority, "compute.instance.create.end").driver(driver).topics(topic)
                .publisherId("compute.host1").payload(Map.of("instance_id", "uuid-1", "priority", priority))
                .ctxt(InteropPayloads.context());
    }

    @OnEveryBroker
    void everyPriorityArrivesAtItsMethodWithEveryFieldV1() {
        everyPriorityArrivesAtItsMethodWithEveryField("messaging");
    }

    @OnEveryBroker
    void everyPriorityArrivesAtItsMethodWithEveryFieldV2() {
        everyPriorityArrivesAtItsMethodWithEveryField("messagingv2");
    }

    private void everyPriorityArrivesAtItsMethodWithEveryField(String driver) {
        RecordingNotificationEndpoint endpoint = new RecordingNotificationEndpoint();
        start(javaListener(endpoint));
        PythonNotifier notifier = pythonNotifier();
        for (Priority p : Priority.values()) {
            notifier.notify(notification(p.routingName(), driver));
        }
        notifier.notify(notification("warning", driver).payload(Map.of("alias", "warning")));

        List<Notification> received = endpoint.await(Priority.values().length + 1, WAIT);
        assertThat(received).extracting(Notification::priority).containsExactlyInAnyOrder(
                Priority.AUDIT, Priority.DEBUG, Priority.INFO, Priority.WARN, Priority.ERROR, Priority.CRITICAL,
                Priority.SAMPLE, Priority.WARN);
        for (Notification n : received) {
            assertThat(n.publisherId()).isEqualTo("compute.host1");
            assertThat(n.eventType()).isEqualTo("compute.instance.create.end");
            if (!n.payload().has("alias")) {
                assertThat(n.payload()).isEqualTo(PeerJson.tree(Map.of("instance_id", "uuid-1",
                        "priority", n.priority().routingName())));
            }
            assertThat(n.metadata().messageId()).matches(UUID36);
            assertThat(n.metadata().timestamp()).matches(PYTHON_TIMESTAMP);
            assertThat(n.context().toJson()).isEqualTo(InteropPayloads.contextAsNotified());
        }
    }

    @OnEveryBroker
    void aFilterPassesOnlyMatchingNotifications() {
        RecordingNotificationEndpoint endpoint = new RecordingNotificationEndpoint();
        start(NotificationListener.builder(transport).target(Target.builder().exchange(exchange).topic(topic).build())
                .executorThreads(1)
                .endpoint(endpoint, NotificationFilter.builder().eventType("^compute\\.instance\\.")
                        .publisherId("^compute\\.").context("project_id", "^p-").build()));
        PythonNotifier notifier = pythonNotifier();
        notifier.notify(notification("info", "messagingv2").with("event_type", "network.port.create"));
        notifier.notify(notification("info", "messagingv2").publisherId("network.host1"));
        notifier.notify(notification("info", "messagingv2").ctxt(Map.of("project_id", "other")));
        notifier.notify(notification("info", "messagingv2").payload(Map.of("n", "match")));

        assertThat(endpoint.await(1, WAIT).get(0).payload().path("n").asText()).isEqualTo("match");
        // one executor thread keeps arrival order: the three sent first were dispatched (and filtered out)
        // before "match" was handled, so their absence is not mere lateness
        assertThat(endpoint.received()).hasSize(1);
    }

    @OnEveryBroker
    void poolsEachGetEveryNotificationWhileListenersOfOnePoolShareThemAcrossLanguages() {
        String poolA = it.names.pool("pool-a");
        String poolB = it.names.pool("pool-b");
        RecordingNotificationEndpoint javaA = new RecordingNotificationEndpoint();
        RecordingNotificationEndpoint javaB = new RecordingNotificationEndpoint();
        start(javaListener(javaA).pool(poolA));
        start(javaListener(javaB).pool(poolB));
        PythonListener pythonA = it.track(PythonListener.start(it.python().with("pool", poolA)
                .with("targets", List.of(Map.of("topic", topic, "exchange", exchange)))));
        PythonNotifier notifier = pythonNotifier();
        int sent = CompetingConsumers.sendUntilEachGotOne(
                n -> notifier.notify(notification("info", "messagingv2").payload(Map.of("n", n))),
                List.of(() -> javaA.received().size(), () -> pythonA.notifications().size()), 40, WAIT);

        List<Integer> all = java.util.stream.IntStream.range(0, sent).boxed().toList();
        assertThat(javaB.await(sent, WAIT)).extracting(n -> n.payload().path("n").asInt())
                .as("pool B got every notification").containsExactlyInAnyOrderElementsOf(all);
        List<Integer> poolASeen = new java.util.ArrayList<>();
        javaA.received().forEach(n -> poolASeen.add(n.payload().path("n").asInt()));
        pythonA.notifications().forEach(n -> poolASeen.add(n.payload().path("n").asInt()));
        assertThat(poolASeen).as("the Java and the Python member of pool A got each notification once between them")
                .containsExactlyInAnyOrderElementsOf(all);
    }

    @OnEveryBroker
    void requeueRedeliversAPythonNotificationUntilHandled() {
        RecordingNotificationEndpoint[] self = new RecordingNotificationEndpoint[1];
        self[0] = new RecordingNotificationEndpoint(n -> self[0].deliveries(n.metadata().messageId()) == 1
                ? NotificationResult.REQUEUE : NotificationResult.HANDLED);
        start(javaListener(self[0]).allowRequeue(true));
        pythonNotifier().notify(notification("error", "messagingv2"));

        List<Notification> deliveries = self[0].await(2, WAIT);
        assertThat(deliveries.get(1).metadata()).isEqualTo(deliveries.get(0).metadata());
        assertThat(deliveries.get(1).payload()).isEqualTo(deliveries.get(0).payload());
    }

    @OnEveryBroker
    void batchesAreDeliveredBySizeThenByTimeout() {
        List<List<Notification>> batches = new CopyOnWriteArrayList<>();
        BatchNotificationEndpoint endpoint = new BatchNotificationEndpoint() {
            @Override
            public NotificationResult info(List<Notification> notifications) {
                batches.add(List.copyOf(notifications));
                return NotificationResult.HANDLED;
            }
        };
        // Sent before the listener starts (the notifier declares the queue): the first batch fills to 3 at
        // once however slowly the sender ran; the fourth then waits for the timeout.
        PythonNotifier notifier = pythonNotifier();
        for (int i = 0; i < 4; i++) {
            notifier.notify(notification("info", "messagingv2").payload(Map.of("n", i)));
        }
        start(javaListener(endpoint).batchSize(3).batchTimeout(Duration.ofSeconds(1)));
        Await.until(WAIT, "two batches arrived", () -> batches.size() >= 2, batches::toString);
        assertThat(batches).extracting(List::size).as("3 by size, then 1 by timeout").containsExactly(3, 1);
        assertThat(batches.stream().flatMap(List::stream).map(n -> n.payload().path("n").asInt()))
                .containsExactlyInAnyOrder(0, 1, 2, 3);
    }

    @OnEveryBroker
    void malformedMessagesOnTheQueueDoNotStopTheListener() throws Exception {
        RecordingNotificationEndpoint endpoint = new RecordingNotificationEndpoint();
        start(javaListener(endpoint).allowRequeue(true));
        String routingKey = topic + ".info";
        try (Channel channel = it.rawConnection().createChannel()) {
            AMQP.BasicProperties json = new AMQP.BasicProperties.Builder().contentType("application/json").build();
            for (String garbage : Arrays.asList("not json at all", "[1, 2, 3]", "{\"oslo.version\": \"2.0\", "
                    + "\"oslo.message\": \"{broken\"}", "{\"oslo.version\": \"2.1\", \"oslo.message\": \"{}\"}")) {
                channel.basicPublish(exchange, routingKey, json, garbage.getBytes(StandardCharsets.UTF_8));
            }
            channel.basicPublish(exchange, routingKey, null, "{\"no\": \"content type\"}".getBytes(StandardCharsets.UTF_8));
            channel.basicPublish(exchange, routingKey, json, new byte[]{(byte) 0xff, (byte) 0xfe, '{', '}'});
        }
        pythonNotifier().notify(notification("info", "messagingv2").payload(Map.of("after", "garbage")));

        assertThat(endpoint.await(1, WAIT).get(0).payload()).isEqualTo(PeerJson.tree(Map.of("after", "garbage")));
        try (Channel channel = it.rawConnection().createChannel()) {
            Await.until(WAIT, "the malformed messages left the queue (rejected, not looping)",
                    () -> channel.queueDeclarePassive(routingKey).getMessageCount() == 0,
                    () -> "messages still queued");
        }
        assertThat(endpoint.received()).as("only the good notification reached the endpoint").hasSize(1);
        assertThat(endpoint.received().get(0).priority().name().toLowerCase(Locale.ROOT)).isEqualTo("info");
    }
}
