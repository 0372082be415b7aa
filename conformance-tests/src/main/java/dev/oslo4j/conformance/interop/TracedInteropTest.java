package dev.oslo4j.conformance.interop;

import dev.oslo4j.conformance.broker.BrokerUnderTest;
import dev.oslo4j.conformance.broker.OnEveryBroker;
import dev.oslo4j.conformance.python.PeerCommand;
import dev.oslo4j.conformance.python.PythonListener;
import dev.oslo4j.conformance.python.PythonNotifier;
import dev.oslo4j.conformance.python.PythonRpcClient;
import dev.oslo4j.conformance.python.PythonRpcServer;
import dev.oslo4j.conformance.python.RequiresPython;
import dev.oslo4j.messaging.MessagingOptions;
import dev.oslo4j.messaging.Notification;
import dev.oslo4j.messaging.NotificationListener;
import dev.oslo4j.messaging.Notifier;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import dev.oslo4j.testsupport.Await;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.observation.transport.SenderContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trace propagation headers ({@code traceparent}, {@code tracestate}) leave Python oslo.messaging 14.0.3 unmoved
 * both ways: Java transports with an ObservationRegistry whose handler writes the headers (as a tracing bridge
 * would) call, cast and notify Python peers, and serve Python clients and notifiers, exactly as without.
 */
@RequiresPython
class TracedInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private Interop it;
    private Transport transport;
    private String exchange;
    private String topic;
    /** traceparent seen by each receiving Java observation, by observation name ("" when absent). */
    private final Map<String, List<String>> received = new ConcurrentHashMap<>();

    /** The part of a tracing bridge that matters on the wire: inject on send, extract on receive. */
    private final class W3CHeaders implements ObservationHandler<Observation.Context> {
        @Override
        @SuppressWarnings("unchecked")
        public void onStart(Observation.Context context) {
            if (context instanceof SenderContext<?> s) {
                SenderContext<Object> sender = (SenderContext<Object>) s;
                sender.getSetter().set(sender.getCarrier(), "traceparent", TRACEPARENT);
                sender.getSetter().set(sender.getCarrier(), "tracestate", "oslo4j=conformance");
            } else if (context instanceof ReceiverContext<?> r) {
                ReceiverContext<Object> receiver = (ReceiverContext<Object>) r;
                String v = receiver.getGetter().get(receiver.getCarrier(), "traceparent");
                received.computeIfAbsent(context.getName(), k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                        .add(v == null ? "" : v);
            }
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return true;
        }
    }

    @BeforeEach
    void setUp(BrokerUnderTest broker) {
        it = Interop.on(broker);
        exchange = it.names.exchange("traced");
        topic = it.names.topic("traced");
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new W3CHeaders());
        transport = it.track(Transport.builder(it.transportUrl())
                .options(MessagingOptions.builder().controlExchange(exchange)
                        .set("rabbit_transient_queues_ttl", InteropPeers.TRANSIENT_QUEUES_TTL_SECONDS).build())
                .observationRegistry(registry).open());
    }

    @AfterEach
    void tearDown() throws Exception {
        it.close();
    }

    @OnEveryBroker
    void tracedJavaClientCallsAndCastsAPythonServer() {
        Target target = Target.builder().exchange(exchange).topic(topic).build();
        PythonRpcServer server = it.track(PythonRpcServer.start(it.python().with("exchange", exchange)
                .with("topic", topic).with("server", it.names.server(topic, "py-1"))));
        RpcClient client = RpcClient.builder(transport, target).timeout(WAIT).build();
        assertThat(client.call(Map.of(), "echo", Map.of("arg", "traced")).asText()).isEqualTo("traced");
        client.cast(Map.of(), "echo", Map.of("arg", "cast"));
        assertThat(server.awaitRequests("the traced call and cast", r -> r.method().equals("echo"), 2, WAIT))
                .extracting(r -> r.kind()).containsExactlyInAnyOrder("call", "cast");
    }

    @OnEveryBroker
    void aPythonClientCallsATracedJavaServerWhichSeesNoTraceHeader() {
        Target target = Target.builder().exchange(exchange).topic(topic).build();
        it.track(JavaReferenceServer.start(transport, target.withServer(it.names.server(topic, "java-1"))));
        PythonRpcClient client = it.track(PythonRpcClient.start(it.python()));
        assertThat(client.run(PeerCommand.call("echo").target(target).arg("arg", "from python"), WAIT).result()
                .asText()).isEqualTo("from python");
        assertThat(received.get("oslo.rpc.server")).as("Python sends no trace headers; the server starts its own")
                .containsExactly("");
    }

    @OnEveryBroker
    void aTracedJavaServerReadsTheHeaderAJavaClientSent() {
        Target target = Target.builder().exchange(exchange).topic(topic).build();
        it.track(JavaReferenceServer.start(transport, target.withServer(it.names.server(topic, "java-1"))));
        RpcClient.builder(transport, target).timeout(WAIT).build().call(Map.of(), "echo", Map.of("arg", "x"));
        Await.until(WAIT, "the server observation", () -> received.containsKey("oslo.rpc.server"),
                received::toString);
        assertThat(received.get("oslo.rpc.server")).containsExactly(TRACEPARENT);
    }

    @OnEveryBroker
    void tracedJavaNotificationsReachAPythonListenerAndPythonOnesATracedJavaListener() throws Exception {
        PythonListener pyListener = it.track(PythonListener.start(it.python()
                .with("targets", List.of(Map.of("topic", topic, "exchange", exchange)))));
        Notifier.builder(transport).publisherId("java.host1").topics(topic).build()
                .info(Map.of(), "traced.to.python", Map.of("n", 1)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(pyListener.awaitNotifications(1, WAIT).get(0).eventType()).isEqualTo("traced.to.python");
        pyListener.close();

        String javaTopic = topic + "-j";
        RecordingNotificationEndpoint endpoint = new RecordingNotificationEndpoint();
        it.track(NotificationListener.builder(transport).target(Target.builder().exchange(exchange).topic(javaTopic)
                .build()).endpoint(endpoint).build().start());
        PythonNotifier notifier = it.track(PythonNotifier.start(it.python().controlExchange(exchange)));
        notifier.notify(PeerCommand.notify("info", "traced.to.java").driver("messagingv2").topics(javaTopic)
                .publisherId("py.host1").payload(Map.of("n", 2)));
        assertThat(endpoint.await(1, WAIT)).extracting(Notification::eventType).containsExactly("traced.to.java");
        assertThat(received.get("oslo.notify.receive")).containsExactly("");
    }
}
