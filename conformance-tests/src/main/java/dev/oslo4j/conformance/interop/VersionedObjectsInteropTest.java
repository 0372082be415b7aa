package dev.oslo4j.conformance.interop;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oslo4j.conformance.broker.BrokerUnderTest;
import dev.oslo4j.conformance.broker.OnEveryBroker;
import dev.oslo4j.conformance.interop.InteropObjects.Flavor;
import dev.oslo4j.conformance.interop.InteropObjects.NewerWidget;
import dev.oslo4j.conformance.interop.InteropObjects.Widget;
import dev.oslo4j.conformance.python.PeerCommand;
import dev.oslo4j.conformance.python.PeerError;
import dev.oslo4j.conformance.python.PeerReply;
import dev.oslo4j.conformance.python.PythonRpcClient;
import dev.oslo4j.conformance.python.PythonRpcServer;
import dev.oslo4j.conformance.python.RequiresPython;
import dev.oslo4j.messaging.RemoteError;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.RpcServer;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import dev.oslo4j.messaging.versionedobjects.VersionedObjectSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Versioned objects between oslo4j ({@code VersionedObjectSerializer}) and Python oslo.messaging with
 * oslo.versionedobjects' {@code VersionedObjectSerializer}: each side hydrates the other's object into its own
 * class (Python checks the classes in {@code peer_objects.WidgetEndpoint}), changes it and sends it back.
 */
@RequiresPython
class VersionedObjectsInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private Interop it;
    private Transport transport;
    private Target target;
    private final VersionedObjectSerializer objects = InteropObjects.serializer();

    @BeforeEach
    void setUp(BrokerUnderTest broker) {
        it = Interop.on(broker);
        transport = it.javaTransport();
        target = Target.builder().exchange(it.names.exchange("vo")).topic(it.names.topic("vo")).build();
    }

    @AfterEach
    void tearDown() throws Exception {
        it.close();
    }

    /** The Java server's endpoint: remembers what it got, answers the widget touched. */
    public static final class WidgetEndpoint {
        final BlockingQueue<Widget> received = new LinkedBlockingQueue<>();

        public Widget touch_widget(Widget widget) {
            received.add(widget);
            return widget.touched("java");
        }
    }

    private Widget sent() {
        return objects.fromPrimitive(InteropObjects.captured("full"), Widget.class);
    }

    @OnEveryBroker
    void pythonClientSendsAWidgetToAJavaServerAndGetsOneBack() throws Exception {
        WidgetEndpoint endpoint = new WidgetEndpoint();
        it.track(RpcServer.builder(transport, target.withServer(it.names.server(target.topic(), "java-1")))
                .endpoint(endpoint).serializer(objects).build().start());
        PythonRpcClient client = it.track(PythonRpcClient.start(it.python().with("serializer", "objects")));

        PeerReply reply = client.run(PeerCommand.call("touch_widget").target(target)
                .arg("widget", InteropObjects.captured("full")).with("hydrate_args", true), WAIT);

        assertThat(endpoint.received.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(sent());
        assertThat(reply.raw().path("result_class").asText()).as(reply.raw().toString()).isEqualTo("Widget");
        // the Java Flavor keeps no changes, so it reports all its fields changed and Python's widget counts
        // its "flavor" field as changed too (obj_what_changed looks into child objects)
        assertThat(reply.raw().path("result_changes")).containsExactlyInAnyOrderElementsOf(
                List.of(text("flavor"), text("name"), text("parts"), text("tags")));
        assertThat(objects.fromPrimitive(reply.result(), Widget.class)).usingRecursiveComparison()
                .ignoringFields("changes").isEqualTo(sent().touched("java"));
    }

    @OnEveryBroker
    void javaClientSendsAWidgetToAPythonServerAndGetsOneBack() {
        it.track(PythonRpcServer.start(it.python().with("serializer", "objects").with("exchange", target.exchange())
                .with("topic", target.topic()).with("server", it.names.server(target.topic(), "py-1"))));
        RpcClient client = RpcClient.builder(transport, target).timeout(WAIT).serializer(objects).build();

        Widget back = client.call(Map.of(), "touch_widget", Map.of("widget", sent()), Widget.class);

        assertThat(back.name()).isEqualTo("gear (seen by python)");
        assertThat(back.tags()).containsExactly("a", "b", "python");
        assertThat(back.parts()).hasSize(3).last().isEqualTo(new Flavor("py", 2, Map.of()));
        assertThat(back.createdAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
        assertThat(back.changes()).isEqualTo(Set.of("name", "tags", "parts"));
        assertThat(back.flavor()).isEqualTo(sent().flavor());
    }

    @OnEveryBroker
    void aPythonServerRefusesANewerVersionWithIncompatibleObjectVersion() {
        it.track(PythonRpcServer.start(it.python().with("serializer", "objects").with("exchange", target.exchange())
                .with("topic", target.topic()).with("server", it.names.server(target.topic(), "py-1"))));
        VersionedObjectSerializer ahead = VersionedObjectSerializer.builder()
                .serialNamespace(InteropObjects.SERIAL_NAMESPACE).register(NewerWidget.class).build();
        RpcClient javaClient = RpcClient.builder(transport, target).timeout(WAIT).serializer(ahead).build();
        RemoteError fromPython = catchThrowableOfType(() -> javaClient.call(Map.of(), "touch_widget",
                Map.of("widget", new NewerWidget(1, "w"))), RemoteError.class);
        assertThat(fromPython.exceptionClass()).isEqualTo("IncompatibleObjectVersion");
        assertThat(fromPython.value()).contains("Version 1.3 of Widget is not supported, supported version is 1.2");
    }

    @OnEveryBroker
    void aJavaServerRefusesANewerVersionWithOslosIncompatibleObjectVersion() {
        WidgetEndpoint endpoint = new WidgetEndpoint();
        it.track(RpcServer.builder(transport, target.withServer(it.names.server(target.topic(), "java-1")))
                .endpoint(endpoint).serializer(objects).build().start());
        PythonRpcClient pythonClient = it.track(PythonRpcClient.start(it.python().with("serializer", "objects")
                .allowedRemoteExmods(List.of("oslo_versionedobjects.exception"))));
        JsonNode newer = InteropObjects.captured("full").put("oslo4j_object.version", "1.3");
        PeerError fromJava = pythonClient.run(PeerCommand.call("touch_widget").target(target).arg("widget", newer),
                WAIT).error();
        assertThat(fromJava.qualifiedName()).isEqualTo("oslo_versionedobjects.exception.IncompatibleObjectVersion");
        assertThat(fromJava.rebuilt()).isTrue();
        assertThat(fromJava.firstLine()).startsWith("Version 1.3 of Widget is not supported, supported version is 1.2");
        assertThat(fromJava.kwargs().path("objname").asText()).isEqualTo("Widget");
        assertThat(fromJava.kwargs().path("objver").asText()).isEqualTo("1.3");
        assertThat(fromJava.kwargs().path("supported").asText()).isEqualTo("1.2");
        assertThat(endpoint.received).isEmpty();
    }

    private static JsonNode text(String s) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(s);
    }
}
