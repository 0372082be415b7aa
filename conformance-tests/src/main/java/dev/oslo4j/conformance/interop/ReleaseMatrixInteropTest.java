package dev.oslo4j.conformance.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.Channel;
import dev.oslo4j.conformance.broker.BrokerUnderTest;
import dev.oslo4j.conformance.broker.OnEveryBroker;
import dev.oslo4j.conformance.python.PeerCommand;
import dev.oslo4j.conformance.python.PythonListener;
import dev.oslo4j.conformance.python.PythonNotifier;
import dev.oslo4j.conformance.python.PythonRpcClient;
import dev.oslo4j.conformance.python.PythonRpcServer;
import dev.oslo4j.conformance.python.ReceivedNotification;
import dev.oslo4j.conformance.python.ReceivedRequest;
import dev.oslo4j.conformance.python.RequiresPython;
import dev.oslo4j.messaging.Notification;
import dev.oslo4j.messaging.NotificationListener;
import dev.oslo4j.messaging.Notifier;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.RpcRequestInfo;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import dev.oslo4j.testsupport.Await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Java ↔ Python both ways — calls, server casts, topic casts, fanout casts, notifications — against oslo.messaging
 * 16.1.0 with defaults and with the four production options (quorum queues, transient quorum queues, queue
 * manager, stream fanout with prefetch 10); the other interop tests cover 14.0.3 in depth. Each configuration runs on a virtual host of its own,
 * on the control exchange (whose durability the options decide), with one Python process per role.
 */
@RequiresPython
class ReleaseMatrixInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /**
     * Prefixes a stream fanout failure on the embedded broker: without its stream queues (branch "streams") the
     * stream is a classic queue its consumers compete for.
     */
    static final String EMBEDDED_STREAMS_PENDING = "KNOWN GAP, embedded broker without stream queues (or a fault in"
            + " its stream support): ";

    @OnEveryBroker(dedicated = true)
    void oslo16Defaults(BrokerUnderTest broker) throws Exception {
        run(broker, Oslo16Interop.PY16_DEFAULTS);
    }

    @OnEveryBroker(dedicated = true)
    void oslo16ProductionOptions(BrokerUnderTest broker) throws Exception {
        run(broker, Oslo16Interop.PY16_PRODUCTION);
    }

    /** {@code broker}: a private embedded broker, or a virtual host of its own on RabbitMQ. */
    private void run(BrokerUnderTest broker, Oslo16Interop config) throws Exception {
        Path lockPath = Files.createTempDirectory("oslo4j-oslo16-locks");
        try (Interop it = Interop.on(broker)) {
            new Scenario(it, config, lockPath).run(broker.name());
        } finally {
            try (Stream<Path> files = Files.walk(lockPath)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static final class Scenario {
        final Interop it;
        final Oslo16Interop config;
        final Path lockPath;
        final String topic;
        final Target target;

        Scenario(Interop it, Oslo16Interop config, Path lockPath) {
            this.it = it;
            this.config = config;
            this.lockPath = lockPath;
            this.topic = it.names.topic("matrix");
            this.target = Target.topic(topic); // the control exchange: its durability is what the options decide
        }

        void run(String brokerName) throws Exception {
            Transport transport = it.track(Transport.open(it.transportUrl(), config.javaOptions()));
            PythonRpcServer pyServer = it.track(PythonRpcServer.start(python().with("topic", topic)
                    .with("server", "py-1")));
            JavaReferenceServer javaServer = it.track(JavaReferenceServer.start(transport, target.withServer("java-1")));
            PythonRpcClient pyClient = it.track(PythonRpcClient.start(python()));

            // calls both ways
            assertThat(RpcClient.builder(transport, target.withServer("py-1")).timeout(WAIT).build()
                    .call(Map.of(), "add", Map.of("a", 1, "b", 2)).asInt()).isEqualTo(3);
            assertThat(pyClient.run(PeerCommand.call("add").target(target.withServer("java-1")).arg("a", 2)
                    .arg("b", 3), WAIT).result().asInt()).isEqualTo(5);

            // server casts both ways, and topic casts (one of the two servers takes each)
            RpcClient.builder(transport, target.withServer("py-1")).build().cast(Map.of(), "record", Map.of("to", "py"));
            assertThat(pyClient.run(PeerCommand.cast("record").target(target.withServer("java-1"))
                    .arg("to", "java"), WAIT).sent()).isTrue();
            pyServer.awaitRequests("the Java server cast", r -> "py".equals(r.args().path("to").asText()), 1, WAIT);
            javaServer.awaitRequests("the Python server cast", r -> "java".equals(r.args().path("to").asText()), 1,
                    WAIT);
            RpcClient.builder(transport, target).build().cast(Map.of(), "record", Map.of("plain", "java"));
            assertThat(pyClient.run(PeerCommand.cast("record").target(target).arg("plain", "python"), WAIT).sent())
                    .isTrue();
            Await.until(WAIT, "both topic casts reached one server each", () -> plain(pyServer, javaServer) == 2,
                    () -> plain(pyServer, javaServer) + " topic casts");

            notifications(transport);
            if (config.production) {
                assertStreamExists();
            }
            fanout(brokerName, transport, pyServer, javaServer, pyClient); // last: the embedded broker's known gap
        }

        private void fanout(String brokerName, Transport transport, PythonRpcServer pyServer,
                            JavaReferenceServer javaServer, PythonRpcClient pyClient) {
            try {
                RpcClient.builder(transport, target.withFanout(true)).build()
                        .cast(Map.of(), "record", Map.of("fanout", "java"));
                assertThat(pyClient.run(PeerCommand.cast("record").target(target.withFanout(true))
                        .arg("fanout", "python"), WAIT).sent()).isTrue();
                List<ReceivedRequest> atPython = pyServer.awaitRequests("both fanout casts",
                        r -> r.args().has("fanout"), 2, WAIT);
                assertThat(atPython).extracting(r -> r.args().path("fanout").asText())
                        .containsExactlyInAnyOrder("java", "python");
                List<RpcRequestInfo> atJava = javaServer.awaitRequests("both fanout casts",
                        r -> r.args().has("fanout"), 2, WAIT);
                assertThat(atJava).extracting(r -> r.args().path("fanout").asText())
                        .containsExactlyInAnyOrder("java", "python");
            } catch (AssertionError e) {
                if (config.production && "embedded".equals(brokerName)) {
                    throw new AssertionError(EMBEDDED_STREAMS_PENDING + e.getMessage(), e);
                }
                throw e;
            }
        }

        private void notifications(Transport transport) throws Exception {
            String toPython = it.names.topic("matrix-j2p");
            String toJava = it.names.topic("matrix-p2j");
            PythonListener pyListener = it.track(PythonListener.start(python()
                    .with("targets", List.of(Map.of("topic", toPython))).with("priorities", List.of("info"))));
            RecordingNotificationEndpoint endpoint = new RecordingNotificationEndpoint();
            it.track(NotificationListener.builder(transport).target(Target.topic(toJava)).endpoint(endpoint)
                    .build().start());
            PythonNotifier pyNotifier = it.track(PythonNotifier.start(python()));

            Notifier.builder(transport).publisherId("java.host").topics(toPython).build()
                    .info(Map.of("request_id", "req-j"), "matrix.java", Map.of("n", 1)).get();
            pyNotifier.notify(PeerCommand.notify("info", "matrix.python").topics(toJava).publisherId("python.host")
                    .payload(Map.of("n", 2)).ctxt(Map.of("request_id", "req-p")));

            ReceivedNotification atPython = pyListener.awaitNotifications(1, WAIT).get(0);
            assertThat(atPython.eventType()).isEqualTo("matrix.java");
            assertThat(atPython.payload().path("n").asInt()).isEqualTo(1);
            Notification atJava = endpoint.await(1, WAIT).get(0);
            assertThat(atJava.eventType()).isEqualTo("matrix.python");
            assertThat(atJava.publisherId()).isEqualTo("python.host");
            assertThat(atJava.payload().path("n").asInt()).isEqualTo(2);
            JsonNode ctxt = atJava.context().toJson();
            // 16.x sends a notification's context only for RequestContext objects (redacted); a dict is dropped
            // (14.0.3 kept its safe keys: PythonNotifierToJavaListenerTest)
            assertThat(ctxt.has("request_id")).as("16.1 drops a dict context: %s", ctxt).isFalse();
        }

        private void assertStreamExists() throws Exception {
            try (Channel ch = it.rawConnection().createChannel()) {
                ch.queueDeclarePassive(topic + "_fanout"); // the one shared stream both languages consume
            }
        }

        private dev.oslo4j.conformance.python.PeerConfig python() {
            return config.python(it.transportUrl(), lockPath);
        }

        private static long plain(PythonRpcServer py, JavaReferenceServer java) {
            return py.requests().stream().filter(r -> r.args().has("plain")).count()
                    + java.requests().stream().filter(r -> r.args().has("plain")).count();
        }
    }
}
