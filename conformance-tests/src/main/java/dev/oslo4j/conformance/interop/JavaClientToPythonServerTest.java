package dev.oslo4j.conformance.interop;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oslo4j.conformance.broker.BrokerUnderTest;
import dev.oslo4j.conformance.broker.OnEveryBroker;
import dev.oslo4j.conformance.python.PeerJson;
import dev.oslo4j.conformance.python.PythonRpcServer;
import dev.oslo4j.conformance.python.ReceivedRequest;
import dev.oslo4j.conformance.python.RequiresPython;
import dev.oslo4j.messaging.MessagingOptions;
import dev.oslo4j.messaging.MessagingTimeout;
import dev.oslo4j.messaging.RemoteError;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** oslo4j's RpcClient calling and casting to Python oslo.messaging 14.0.3 RPC servers. */
@RequiresPython
class JavaClientToPythonServerTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private Interop it;
    private Transport transport;
    private Target target;

    @BeforeEach
    void setUp(BrokerUnderTest broker) {
        it = Interop.on(broker);
        transport = it.javaTransport();
        String topic = it.names.topic("j2p");
        target = Target.builder().exchange(it.names.exchange("j2p")).topic(topic).build();
    }

    @AfterEach
    void tearDown() throws Exception {
        it.close();
    }

    private PythonRpcServer pythonServer(String name) {
        return it.track(PythonRpcServer.start(it.python().with("exchange", target.exchange())
                .with("topic", target.topic()).with("server", it.names.server(target.topic(), name))));
    }

    private RpcClient client() {
        return RpcClient.builder(transport, target).timeout(WAIT).build();
    }

    @OnEveryBroker
    void nestedNonAsciiAndLargePayloadsRoundTripExactly() {
        PythonRpcServer server = pythonServer("py-1");
        Map<String, Object> nested = InteropPayloads.nestedNonAscii();
        String large = InteropPayloads.largeText(1_200_000);

        assertThat(client().call(Map.of(), "echo", Map.of("arg", nested))).isEqualTo(PeerJson.tree(nested));
        assertThat(client().call(Map.of(), "echo", Map.of("arg", large)).asText()).isEqualTo(large);

        List<ReceivedRequest> seen = server.awaitRequests("both echo calls", r -> r.method().equals("echo"), 2, WAIT);
        assertThat(seen.get(0).args()).isEqualTo(PeerJson.tree(Map.of("arg", nested)));
        assertThat(seen.get(1).args().path("arg").asText()).hasSize(1_200_000);
        assertThat(seen).extracting(ReceivedRequest::kind).containsOnly("call");
        assertThat(seen).extracting(ReceivedRequest::version).as("no version set → none sent").containsOnly((String) null);
    }

    @OnEveryBroker
    void nonFiniteAndExponentFloatsRoundTrip() {
        pythonServer("py-1");
        List<Double> floats = InteropPayloads.pythonFloats();
        assertThat(client().call(Map.of(), "echo", Map.of("arg", floats))).isEqualTo(PeerJson.tree(floats));
    }

    @OnEveryBroker
    void namespacedAndVersionedEndpointsAnswerAndMismatchesFailAsPythonDecides() {
        pythonServer("py-1");
        RpcClient ns2 = RpcClient.builder(transport, target.withNamespace("ns2")).timeout(WAIT).build();

        assertThat(ns2.prepare().version("2.3").build().call(Map.of(), "whoami", Map.of()))
                .isEqualTo(PeerJson.tree(Map.of("server", "py-1", "namespace", "ns2")));
        assertThat(ns2.prepare().version("2.0").build().call(Map.of(), "whoami", Map.of()).path("server").asText())
                .isEqualTo("py-1");

        assertDispatchError(() -> ns2.prepare().version("2.4").build().call(Map.of(), "whoami", Map.of()),
                "UnsupportedVersion", "Endpoint does not support RPC version 2.4. Attempted method: whoami");
        assertDispatchError(() -> ns2.prepare().version("3.0").build().call(Map.of(), "whoami", Map.of()),
                "UnsupportedVersion", "Endpoint does not support RPC version 3.0. Attempted method: whoami");
        assertDispatchError(() -> client().prepare().version("1.1").build().call(Map.of(), "echo", Map.of("arg", 1)),
                "UnsupportedVersion", "Endpoint does not support RPC version 1.1. Attempted method: echo");
        assertDispatchError(() -> client().prepare().namespace("ns3").build().call(Map.of(), "whoami", Map.of()),
                "UnsupportedVersion", "Endpoint does not support RPC version 1.0. Attempted method: whoami");
        assertDispatchError(() -> client().call(Map.of(), "nosuch", Map.of()),
                "NoSuchMethod", "Endpoint does not support RPC method nosuch");
        assertDispatchError(() -> client().call(Map.of(), "_hidden", Map.of()),
                "NoSuchMethod", "Endpoint does not support RPC method _hidden");
    }

    @OnEveryBroker
    void heartbeatsThatOutliveAFailedCallAreIgnored() {
        pythonServer("py-1");
        // oslo 14.0.3 never stops the heartbeat thread of a call that found no method: heartbeats for that
        // _msg_id keep coming every 2 s. The client must fail the call once and carry on unaffected.
        RpcClient monitored = RpcClient.builder(transport, target).timeout(WAIT)
                .callMonitorTimeout(Duration.ofSeconds(4)).build();
        assertDispatchError(() -> monitored.call(Map.of(), "nosuch", Map.of()),
                "NoSuchMethod", "Endpoint does not support RPC method nosuch");
        assertThat(monitored.call(Map.of(), "sleep", Map.of("seconds", 5)).asInt()).isEqualTo(5);
        assertThat(client().call(Map.of(), "echo", Map.of("arg", "still fine")).asText()).isEqualTo("still fine");
    }

    private static void assertDispatchError(Runnable call, String exceptionClass, String message) {
        RemoteError e = catchThrowableOfType(RemoteError.class, call::run);
        assertThat(e).as("expected a RemoteError %s", exceptionClass).isNotNull();
        assertThat(e.module()).isEqualTo("oslo_messaging.rpc.dispatcher");
        assertThat(e.exceptionClass()).isEqualTo(exceptionClass);
        assertThat(e.value()).isEqualTo(message);
        assertThat(e.args()).containsExactly(message);
        assertThat(e.traceback()).anySatisfy(line -> assertThat(line).contains("in dispatch"));
    }

    @OnEveryBroker
    void pythonExceptionsArriveWithClassModuleMessageArgsKwargsAndTraceback() {
        pythonServer("py-1");
        RemoteError valueError = catchThrowableOfType(RemoteError.class,
                () -> client().call(Map.of(), "fail", Map.of("message", "bad value 42")));
        assertThat(valueError.module()).isEqualTo("builtins");
        assertThat(valueError.exceptionClass()).isEqualTo("ValueError");
        assertThat(valueError.value()).isEqualTo("bad value 42");
        assertThat(valueError.args()).containsExactly("bad value 42");
        assertThat(valueError.kwargs()).isEmpty();
        assertThat(valueError.traceback()).first().isEqualTo("Traceback (most recent call last):\n");
        assertThat(valueError.traceback()).last().isEqualTo("ValueError: bad value 42\n");

        RemoteError notFound = catchThrowableOfType(RemoteError.class,
                () -> client().call(Map.of(), "raise_custom", Map.of("instance_id", "uuid-1")));
        assertThat(notFound.module()).isEqualTo("oslo4j_peer_exceptions");
        assertThat(notFound.exceptionClass()).isEqualTo("InstanceNotFound");
        assertThat(notFound.value()).isEqualTo("Instance uuid-1 could not be found.");
        assertThat(notFound.args()).containsExactly("Instance uuid-1 could not be found.");
        assertThat(notFound.kwargs()).isEqualTo(Map.of("instance_id", "uuid-1", "code", 404));

        RemoteError nova = catchThrowableOfType(RemoteError.class, () -> client().call(Map.of(), "raise_custom",
                Map.of("exc_module", "nova.exception", "instance_id", "uuid-2")));
        assertThat(nova.module()).isEqualTo("nova.exception");
        assertThat(nova.exceptionClass()).isEqualTo("InstanceNotFound");
        assertThat(nova.kwargs()).isEqualTo(Map.of("instance_id", "uuid-2", "code", 404));
    }

    @OnEveryBroker
    void wrongArgumentsFailWithPythonsTypeError() {
        pythonServer("py-1");
        RemoteError unexpected = catchThrowableOfType(RemoteError.class,
                () -> client().call(Map.of(), "echo", Map.of("arg", 1, "wrong", 2)));
        assertThat(unexpected.module()).isEqualTo("builtins");
        assertThat(unexpected.exceptionClass()).isEqualTo("TypeError");
        assertThat(unexpected.value()).isEqualTo("ReferenceEndpoint.echo() got an unexpected keyword argument 'wrong'");
    }

    @OnEveryBroker
    void anAllowListedRemoteExceptionIsRebuiltAsTheMappedJavaType() {
        pythonServer("py-1");
        MessagingOptions options = MessagingOptions.builder()
                .set("rabbit_transient_queues_ttl", InteropPeers.TRANSIENT_QUEUES_TTL_SECONDS)
                .mapRemoteException("nova.exception", "InstanceNotFound",
                        remote -> new InstanceNotFound((String) remote.kwargs().get("instance_id"), remote))
                .build();
        Transport mapping = it.track(Transport.open(it.transportUrl(), options));
        RpcClient client = RpcClient.builder(mapping, target).timeout(WAIT).build();

        InstanceNotFound mapped = catchThrowableOfType(InstanceNotFound.class, () -> client.call(Map.of(),
                "raise_custom", Map.of("exc_module", "nova.exception", "instance_id", "uuid-7")));
        assertThat(mapped.instanceId).isEqualTo("uuid-7");
        assertThat(mapped.getCause()).isInstanceOf(RemoteError.class);
        // anything not on the allow-list stays a RemoteError, whatever its name
        assertThat(catchThrowableOfType(RemoteError.class, () -> client.call(Map.of(), "raise_custom",
                Map.of("instance_id", "uuid-8"))).module()).isEqualTo("oslo4j_peer_exceptions");
    }

    /** An application's own exception type, to which the allow-list maps nova's InstanceNotFound. */
    static final class InstanceNotFound extends RuntimeException {
        final String instanceId;

        InstanceNotFound(String instanceId, RemoteError cause) {
            super("instance " + instanceId + " not found", cause);
            this.instanceId = instanceId;
        }
    }

    @OnEveryBroker
    void aCallNotAnsweredInTimeRaisesMessagingTimeout() {
        PythonRpcServer server = pythonServer("py-1");
        RpcClient impatient = RpcClient.builder(transport, target).timeout(Duration.ofSeconds(1)).build();
        assertThatThrownBy(() -> impatient.call(Map.of(), "sleep", Map.of("seconds", 2)))
                .isInstanceOf(MessagingTimeout.class);
        assertThat(server.awaitRequest("sleep", WAIT).isCall()).isTrue();
    }

    @OnEveryBroker
    void pythonHeartbeatsKeepAMonitoredCallAliveAndTheirAbsenceEndsIt() {
        PythonRpcServer server = pythonServer("py-1");
        RpcClient monitored = RpcClient.builder(transport, target).timeout(WAIT)
                .callMonitorTimeout(Duration.ofSeconds(4)).build();
        // 7 s of work but 4 s of tolerated silence: only Python's heartbeats (every 2 s) keep it alive.
        assertThat(monitored.call(Map.of(), "sleep", Map.of("seconds", 7)).asInt()).isEqualTo(7);
        assertThat(server.awaitRequest("sleep", WAIT).clientTimeout().asInt()).isEqualTo(4);

        // With _timeout 1 Python sends no heartbeats (interval < 1 s): the monitor gives up long before 30 s.
        RpcClient unheard = RpcClient.builder(transport, target).timeout(WAIT)
                .callMonitorTimeout(Duration.ofSeconds(1)).build();
        assertThatThrownBy(() -> unheard.call(Map.of(), "sleep", Map.of("seconds", 3)))
                .isInstanceOf(MessagingTimeout.class)
                .hasMessageEndingWith("no heartbeat from the server within the call monitor timeout");
    }

    @OnEveryBroker
    void serverTargetedCallsAndCastsReachOnlyThatServer() {
        PythonRpcServer one = pythonServer("py-1");
        PythonRpcServer two = pythonServer("py-2");
        JsonNode who = RpcClient.builder(transport, target.withServer("py-2").withNamespace("ns2").withVersion("2.0"))
                .timeout(WAIT).build().call(Map.of(), "whoami", Map.of());
        assertThat(who.path("server").asText()).isEqualTo("py-2");
        RpcClient.builder(transport, target.withServer("py-1")).build().cast(Map.of(), "record", Map.of("n", 7));

        ReceivedRequest cast = one.awaitRequest("record", WAIT);
        assertThat(cast.kind()).isEqualTo("cast");
        assertThat(cast.args()).isEqualTo(PeerJson.tree(Map.of("n", 7)));
        assertThat(one.requests()).extracting(ReceivedRequest::method).containsExactly("record");
        assertThat(two.awaitRequestCount(1, WAIT)).extracting(ReceivedRequest::method).containsExactly("whoami");
    }

    @OnEveryBroker
    void theContextRoundTripsIncludingUnknownKeys() {
        PythonRpcServer server = pythonServer("py-1");
        Map<String, Object> ctxt = InteropPayloads.context();
        Map<String, Object> expected = new HashMap<>(ctxt);
        expected.put("client_timeout", null);

        assertThat(client().call(ctxt, "get_context", Map.of())).isEqualTo(PeerJson.tree(expected));
        assertThat(server.awaitRequest("get_context", WAIT).context()).isEqualTo(PeerJson.tree(expected));
    }

    @OnEveryBroker
    void manyConcurrentCallersEachGetTheirOwnAnswer() throws Exception {
        PythonRpcServer server = pythonServer("py-1");
        RpcClient client = client();
        int threads = 32;
        int callsPerThread = 5;
        List<CompletableFuture<List<Integer>>> callers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int base = t * 1000;
            callers.add(CompletableFuture.supplyAsync(() -> IntStream.range(0, callsPerThread)
                    .map(i -> client.call(Map.of(), "add", Map.of("a", base, "b", i)).asInt()).boxed().toList(),
                    runnable -> new Thread(runnable, "interop-caller").start()));
        }
        for (int t = 0; t < threads; t++) {
            assertThat(callers.get(t).get(60, TimeUnit.SECONDS)).as("caller %d", t)
                    .containsExactly(t * 1000, t * 1000 + 1, t * 1000 + 2, t * 1000 + 3, t * 1000 + 4);
        }
        assertThat(server.awaitRequestCount(threads * callsPerThread, WAIT)).hasSize(threads * callsPerThread);
    }
}
