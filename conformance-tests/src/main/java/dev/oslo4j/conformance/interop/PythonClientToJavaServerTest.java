package dev.oslo4j.conformance.interop;

import dev.oslo4j.conformance.broker.BrokerUnderTest;
import dev.oslo4j.conformance.broker.OnEveryBroker;
import dev.oslo4j.conformance.python.PeerCommand;
import dev.oslo4j.conformance.python.PeerError;
import dev.oslo4j.conformance.python.PeerJson;
import dev.oslo4j.conformance.python.PeerReply;
import dev.oslo4j.conformance.python.PythonRpcClient;
import dev.oslo4j.conformance.python.RequiresPython;
import dev.oslo4j.messaging.RpcRequestInfo;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Python oslo.messaging 14.0.3 RPC clients calling and casting to oslo4j's RpcServer. */
@RequiresPython
class PythonClientToJavaServerTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private Interop it;
    private Transport transport;
    private Target target;

    @BeforeEach
    void setUp(BrokerUnderTest broker) {
        it = Interop.on(broker);
        transport = it.javaTransport();
        String topic = it.names.topic("p2j");
        target = Target.builder().exchange(it.names.exchange("p2j")).topic(topic).build();
    }

    @AfterEach
    void tearDown() throws Exception {
        it.close();
    }

    private JavaReferenceServer javaServer(String name) {
        return it.track(JavaReferenceServer.start(transport, target.withServer(it.names.server(target.topic(), name))));
    }

    private PythonRpcClient pythonClient() {
        return it.track(PythonRpcClient.start(it.python()));
    }

    private PeerCommand call(String method) {
        return PeerCommand.call(method).target(target);
    }

    @OnEveryBroker
    void nestedNonAsciiAndLargePayloadsRoundTripExactly() {
        JavaReferenceServer server = javaServer("java-1");
        PythonRpcClient client = pythonClient();
        Map<String, Object> nested = InteropPayloads.nestedNonAscii();
        String large = InteropPayloads.largeText(1_200_000);

        assertThat(client.run(call("echo").arg("arg", nested), WAIT).result()).isEqualTo(PeerJson.tree(nested));
        assertThat(client.run(call("echo").arg("arg", large), WAIT).result().asText()).isEqualTo(large);

        List<RpcRequestInfo> seen = server.awaitRequests("two echo calls", r -> "echo".equals(r.methodName()), 2, WAIT);
        assertThat(seen).extracting(RpcRequestInfo::call).containsOnly(true);
        assertThat(seen.get(0).args()).isEqualTo(PeerJson.tree(Map.of("arg", nested)));
        assertThat(seen.get(0).version()).as("Python sends no version unless asked").isNull();
    }

    @OnEveryBroker
    void nonFiniteAndExponentFloatsRoundTripAndNoneIsNull() {
        javaServer("java-1");
        PythonRpcClient client = pythonClient();
        List<Double> floats = InteropPayloads.pythonFloats();
        assertThat(client.run(call("echo").arg("arg", floats), WAIT).result()).isEqualTo(PeerJson.tree(floats));
        assertThat(client.run(call("record").arg("anything", 1), WAIT).result().isNull()).as("Java null is None").isTrue();
    }

    @OnEveryBroker
    void namespacedAndVersionedEndpointsAnswerAndMismatchesFailExactlyAsFromAPythonServer() {
        javaServer("java-1");
        PythonRpcClient client = pythonClient();
        Target ns2 = target.withNamespace("ns2");

        assertThat(client.run(PeerCommand.call("whoami").target(ns2.withVersion("2.3")), WAIT).result())
                .isEqualTo(PeerJson.tree(Map.of("server", "java-1", "namespace", "ns2")));
        assertThat(client.run(PeerCommand.call("whoami").target(ns2.withVersion("2.0")), WAIT).result()
                .path("namespace").asText()).isEqualTo("ns2");

        assertDispatchError(client.run(PeerCommand.call("whoami").target(ns2.withVersion("2.4")), WAIT),
                "UnsupportedVersion", "Endpoint does not support RPC version 2.4. Attempted method: whoami");
        assertDispatchError(client.run(PeerCommand.call("whoami").target(ns2.withVersion("3.0")), WAIT),
                "UnsupportedVersion", "Endpoint does not support RPC version 3.0. Attempted method: whoami");
        assertDispatchError(client.run(PeerCommand.call("echo").target(target.withVersion("1.1")).arg("arg", 1), WAIT),
                "UnsupportedVersion", "Endpoint does not support RPC version 1.1. Attempted method: echo");
        assertDispatchError(client.run(PeerCommand.call("whoami").target(target.withNamespace("ns3")), WAIT),
                "UnsupportedVersion", "Endpoint does not support RPC version 1.0. Attempted method: whoami");
        assertDispatchError(client.run(call("nosuch"), WAIT),
                "NoSuchMethod", "Endpoint does not support RPC method nosuch");
        assertDispatchError(client.run(call("_hidden"), WAIT),
                "NoSuchMethod", "Endpoint does not support RPC method _hidden");
    }

    /** What a Python client (default allowed modules) makes of a Java dispatcher failure: a RemoteError. */
    private static void assertDispatchError(PeerReply reply, String remoteClass, String remoteMessage) {
        PeerError error = reply.error();
        assertThat(error.qualifiedName()).as("%s", error.raw()).isEqualTo("oslo_messaging.rpc.client.RemoteError");
        assertThat(error.excType()).isEqualTo(remoteClass);
        assertThat(error.value()).isEqualTo(remoteMessage);
    }

    @OnEveryBroker
    void dispatcherFailuresCarryOslosModuleSoPythonRebuildsTheRealClass() {
        javaServer("java-1");
        PythonRpcClient client = it.track(PythonRpcClient.start(it.python()
                .allowedRemoteExmods(List.of("oslo_messaging.rpc.dispatcher"))));
        PeerError noSuchMethod = client.run(call("nosuch"), WAIT).error();
        assertThat(noSuchMethod.qualifiedName()).isEqualTo("oslo_messaging.rpc.dispatcher.NoSuchMethod");
        assertThat(noSuchMethod.rebuilt()).isTrue();
        assertThat(noSuchMethod.firstLine()).isEqualTo("Endpoint does not support RPC method nosuch");

        PeerError unsupported = client.run(PeerCommand.call("echo").target(target.withVersion("1.1")), WAIT).error();
        assertThat(unsupported.qualifiedName()).isEqualTo("oslo_messaging.rpc.dispatcher.UnsupportedVersion");
    }

    @OnEveryBroker
    void javaFailuresArriveWithTheExactModuleClassMessageAndKwargs() {
        javaServer("java-1");
        PythonRpcClient client = pythonClient();

        PeerError valueError = client.run(call("fail").arg("message", "bad value 42"), WAIT).error();
        assertThat(valueError.qualifiedName()).isEqualTo("builtins.ValueError");
        assertThat(valueError.firstLine()).isEqualTo("bad value 42");

        PeerError notFound = client.run(call("raise_custom").arg("instance_id", "uuid-1"), WAIT).error();
        assertThat(notFound.qualifiedName()).isEqualTo("oslo4j_peer_exceptions.InstanceNotFound");
        assertThat(notFound.rebuilt()).as("rebuilt by oslo as the real Python class").isTrue();
        assertThat(notFound.firstLine()).isEqualTo("Instance uuid-1 could not be found.");
        assertThat(notFound.kwargs()).isEqualTo(PeerJson.tree(Map.of("instance_id", "uuid-1", "code", 404)));

        PeerError novaStyle = client.run(call("raise_custom").arg("exc_module", "nova.exception")
                .arg("instance_id", "uuid-2"), WAIT).error();
        assertThat(novaStyle.qualifiedName()).as("nova.exception is not in this client's allowed modules")
                .isEqualTo("oslo_messaging.rpc.client.RemoteError");
        assertThat(novaStyle.excType()).isEqualTo("InstanceNotFound");
        assertThat(novaStyle.value()).isEqualTo("Instance uuid-2 could not be found.");

        PeerError javaException = client.run(call("fail_java").arg("message", "broken invariant"), WAIT).error();
        assertThat(javaException.qualifiedName()).isEqualTo("oslo_messaging.rpc.client.RemoteError");
        assertThat(javaException.excType()).isEqualTo("IllegalStateException");
        assertThat(javaException.value()).isEqualTo("broken invariant");
        assertThat(javaException.traceback().toString()).contains("java.lang.IllegalStateException: broken invariant");
    }

    @OnEveryBroker
    void wrongArgumentsFailWithTypeErrorAsAPythonEndpointWould() {
        javaServer("java-1");
        PythonRpcClient client = pythonClient();
        PeerError unexpected = client.run(call("echo").arg("arg", 1).arg("wrong", 2), WAIT).error();
        assertThat(unexpected.qualifiedName()).isEqualTo("builtins.TypeError");
        assertThat(unexpected.firstLine()).endsWith("echo() got an unexpected keyword argument 'wrong'");
        PeerError missing = client.run(call("add").arg("a", 1), WAIT).error();
        assertThat(missing.qualifiedName()).isEqualTo("builtins.TypeError");
        assertThat(missing.firstLine()).endsWith("add() missing 1 required keyword argument: 'b'");
    }

    @OnEveryBroker
    void aNovaExceptionFromJavaIsRebuiltByANovaClientAsTheRealClass() {
        javaServer("java-1");
        // as a nova service configures it: its own exception module allowed for rebuilding
        PythonRpcClient novaClient = it.track(PythonRpcClient.start(it.python()
                .allowedRemoteExmods(List.of("nova.exception"))));
        PeerError notFound = novaClient.run(call("raise_custom").arg("exc_module", "nova.exception")
                .arg("instance_id", "uuid-3"), WAIT).error();
        assertThat(notFound.qualifiedName()).isEqualTo("nova.exception.InstanceNotFound");
        assertThat(notFound.rebuilt()).isTrue();
        assertThat(notFound.raw().path("mro").toString()).contains("nova.exception.NovaException");
        assertThat(notFound.firstLine()).isEqualTo("Instance uuid-3 could not be found.");
        assertThat(notFound.kwargs()).isEqualTo(PeerJson.tree(Map.of("instance_id", "uuid-3", "code", 404)));
    }

    @OnEveryBroker
    void aCallNotAnsweredInTimeRaisesMessagingTimeoutInPython() {
        JavaReferenceServer server = javaServer("java-1");
        PeerError timeout = pythonClient().run(call("sleep").arg("seconds", 2).timeout(1), WAIT).error();
        assertThat(timeout.qualifiedName()).isEqualTo("oslo_messaging.exceptions.MessagingTimeout");
        assertThat(server.awaitRequest("sleep", WAIT).call()).isTrue();
    }

    @OnEveryBroker
    void javaHeartbeatsKeepAPythonMonitoredCallAlive() {
        JavaReferenceServer server = javaServer("java-1");
        PythonRpcClient client = pythonClient();
        // 7 s of work, 4 s of tolerated silence: the Python client needs the Java server's heartbeats (every 2 s).
        PeerReply reply = client.run(call("sleep").arg("seconds", 7).timeout(30).callMonitorTimeout(4), WAIT);
        assertThat(reply.result().asInt()).isEqualTo(7);
        assertThat(server.awaitRequest("sleep", WAIT).timeout().intValue()).isEqualTo(4);
        // and the endpoint sees the caller's _timeout as client_timeout, as Python endpoints do
        assertThat(client.run(call("get_context").timeout(30).callMonitorTimeout(2), WAIT).result()
                .path("client_timeout").asInt()).isEqualTo(2);
    }

    @OnEveryBroker
    void serverTargetedCallsAndCastsReachOnlyThatServer() {
        JavaReferenceServer one = javaServer("java-1");
        JavaReferenceServer two = javaServer("java-2");
        PythonRpcClient client = pythonClient();

        assertThat(client.run(PeerCommand.call("whoami").target(target.withServer("java-2").withNamespace("ns2")
                .withVersion("2.0")), WAIT).result().path("server").asText()).isEqualTo("java-2");
        assertThat(client.run(PeerCommand.cast("record").target(target.withServer("java-1")).arg("n", 7), WAIT).sent())
                .isTrue();

        RpcRequestInfo cast = one.awaitRequest("record", WAIT);
        assertThat(cast.call()).isFalse();
        assertThat(cast.args()).isEqualTo(PeerJson.tree(Map.of("n", 7)));
        assertThat(one.requests()).extracting(RpcRequestInfo::methodName).containsExactly("record");
        assertThat(two.requests()).extracting(RpcRequestInfo::methodName).containsExactly("whoami");
    }

    @OnEveryBroker
    void theContextRoundTripsIncludingUnknownKeys() {
        JavaReferenceServer server = javaServer("java-1");
        Map<String, Object> ctxt = InteropPayloads.context();
        Map<String, Object> expected = new HashMap<>(ctxt);
        expected.put("client_timeout", null);

        assertThat(pythonClient().run(call("get_context").ctxt(ctxt), WAIT).result()).isEqualTo(PeerJson.tree(expected));
        // Observers see the context as sent; only endpoints get Python's synthetic client_timeout.
        assertThat(server.awaitRequest("get_context", WAIT).context().toJson()).isEqualTo(PeerJson.tree(ctxt));
    }

    @OnEveryBroker
    void manyConcurrentPythonCallersEachGetTheirOwnAnswer() {
        JavaReferenceServer server = javaServer("java-1");
        int callers = 60;
        List<PeerCommand> calls = IntStream.range(0, callers)
                .mapToObj(i -> call("add").arg("a", i).arg("b", 1000)).toList();
        List<PeerReply> replies = pythonClient().runConcurrently(calls, Duration.ofSeconds(60));
        assertThat(replies).extracting(r -> r.result().asInt())
                .containsExactlyElementsOf(IntStream.range(0, callers).mapToObj(i -> i + 1000).toList());
        assertThat(server.requests()).hasSize(callers);
    }
}
