package dev.oslo4j.conformance.interop;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oslo4j.conformance.broker.BrokerUnderTest;
import dev.oslo4j.conformance.broker.OnEveryBroker;
import dev.oslo4j.conformance.python.PeerCommand;
import dev.oslo4j.conformance.python.PeerConfig;
import dev.oslo4j.conformance.python.PeerError;
import dev.oslo4j.conformance.python.PeerJson;
import dev.oslo4j.conformance.python.PeerReply;
import dev.oslo4j.conformance.python.PythonRpcClient;
import dev.oslo4j.conformance.python.PythonRpcServer;
import dev.oslo4j.conformance.python.ReceivedRequest;
import dev.oslo4j.conformance.python.RequiresPython;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Python client → Python server through the broker: proves the peers and the broker, and records
 * the reference behaviour (exact error classes and messages) the Java interop suites must match.
 */
@RequiresPython
class PythonToPythonRpcTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private Interop it;
    private String exchange;
    private String topic;

    @BeforeEach
    void names(BrokerUnderTest broker) {
        it = Interop.on(broker);
        exchange = it.names.exchange("rpc");
        topic = it.names.topic("rpc");
    }

    @AfterEach
    void cleanUp() throws Exception {
        it.close();
    }

    private PythonRpcServer server(String name) {
        return PythonRpcServer.start(it.python().with("exchange", exchange)
                .with("topic", topic).with("server", it.names.server(topic, name)));
    }

    private PythonRpcClient client() {
        return PythonRpcClient.start(it.python());
    }

    private Map<String, Object> target(Object... extra) {
        Map<String, Object> target = new java.util.LinkedHashMap<>(Map.of("exchange", exchange, "topic", topic));
        for (int i = 0; i < extra.length; i += 2) {
            target.put((String) extra[i], extra[i + 1]);
        }
        return target;
    }

    @OnEveryBroker
    void callRoundTripsNestedNonAsciiAndLargePayloads() {
        Map<String, Object> arg = InteropPayloads.nestedNonAscii();
        String large = InteropPayloads.largeText(1_200_000);
        try (PythonRpcServer server = server("py-1"); PythonRpcClient client = client()) {
            JsonNode nested = client.run(PeerCommand.call("echo").target(target()).arg("arg", arg), WAIT).result();
            JsonNode big = client.run(PeerCommand.call("echo").target(target()).arg("arg", large), WAIT).result();

            assertThat(nested).isEqualTo(PeerJson.tree(arg));
            assertThat(big.asText()).isEqualTo(large);
            ReceivedRequest request = server.awaitRequest("echo", WAIT);
            assertThat(request.kind()).isEqualTo("call");
            assertThat(request.args().get("arg")).isEqualTo(PeerJson.tree(arg));
        }
    }

    @OnEveryBroker
    void namespacesAndVersionsFollowOsloDispatchRules() {
        try (PythonRpcServer server = server("py-1"); PythonRpcClient client = client()) {
            assertThat(client.run(whoami("2.3"), WAIT).result())
                    .isEqualTo(PeerJson.tree(Map.of("server", "py-1", "namespace", "ns2")));
            assertThat(client.run(whoami("2.0"), WAIT).result().path("namespace").asText()).isEqualTo("ns2");

            assertRemote(client.run(whoami("2.4"), WAIT), "UnsupportedVersion",
                    "Endpoint does not support RPC version 2.4. Attempted method: whoami");
            assertRemote(client.run(whoami("3.0"), WAIT), "UnsupportedVersion",
                    "Endpoint does not support RPC version 3.0. Attempted method: whoami");
            assertRemote(client.run(PeerCommand.call("echo").target(target("version", "1.1")).arg("arg", 1), WAIT),
                    "UnsupportedVersion", "Endpoint does not support RPC version 1.1. Attempted method: echo");
            assertRemote(client.run(PeerCommand.call("whoami").target(target("namespace", "ns3")), WAIT),
                    "UnsupportedVersion", "Endpoint does not support RPC version 1.0. Attempted method: whoami");
            assertRemote(client.run(PeerCommand.call("nosuch").target(target()), WAIT),
                    "NoSuchMethod", "Endpoint does not support RPC method nosuch");
            assertRemote(client.run(PeerCommand.call("_hidden").target(target()), WAIT),
                    "NoSuchMethod", "Endpoint does not support RPC method _hidden");
            assertThat(server.awaitRequestCount(8, WAIT)).extracting(ReceivedRequest::version)
                    .containsExactly("2.3", "2.0", "2.4", "3.0", "1.1", null, null, null);
        }
    }

    private PeerCommand whoami(String version) {
        return PeerCommand.call("whoami").target(target("namespace", "ns2", "version", version));
    }

    /** A dispatcher error from a module the client does not allow arrives as RemoteError. */
    private static void assertRemote(PeerReply reply, String remoteClass, String remoteMessage) {
        PeerError error = reply.error();
        assertThat(error.qualifiedName()).as("%s", error.raw()).isEqualTo("oslo_messaging.rpc.client.RemoteError");
        assertThat(error.excType()).isEqualTo(remoteClass);
        assertThat(error.value()).isEqualTo(remoteMessage);
        assertThat(error.traceback()).as("remote traceback").isNotEmpty();
    }

    @OnEveryBroker
    void remoteExceptionsKeepClassModuleMessageAndKwargs() {
        try (PythonRpcServer server = server("py-1"); PythonRpcClient client = client();
             PythonRpcClient strictClient = PythonRpcClient.start(it.python()
                     .allowedRemoteExmods(List.of()))) {
            PeerError valueError = client.run(PeerCommand.call("fail").target(target()).arg("message", "bad value 42"),
                    WAIT).error();
            assertThat(valueError.qualifiedName()).isEqualTo("builtins.ValueError");
            assertThat(valueError.firstLine()).isEqualTo("bad value 42");
            assertThat(valueError.message()).contains("Traceback (most recent call last):");

            PeerCommand notFound = PeerCommand.call("raise_custom").target(target()).arg("instance_id", "uuid-1");
            PeerError rebuilt = client.run(notFound, WAIT).error();
            assertThat(rebuilt.qualifiedName()).isEqualTo("oslo4j_peer_exceptions.InstanceNotFound");
            assertThat(rebuilt.rebuilt()).isTrue();
            assertThat(rebuilt.firstLine()).isEqualTo("Instance uuid-1 could not be found.");
            assertThat(rebuilt.kwargs()).isEqualTo(PeerJson.tree(Map.of("instance_id", "uuid-1", "code", 404)));

            PeerError notAllowed = strictClient.run(notFound, WAIT).error();
            assertThat(notAllowed.qualifiedName()).isEqualTo("oslo_messaging.rpc.client.RemoteError");
            assertThat(notAllowed.excType()).isEqualTo("InstanceNotFound");
            assertThat(notAllowed.value()).isEqualTo("Instance uuid-1 could not be found.");
            assertThat(server.awaitRequestCount(3, WAIT)).extracting(ReceivedRequest::method)
                    .containsExactly("fail", "raise_custom", "raise_custom");
        }
    }

    @OnEveryBroker
    void aCallWithoutReplyInTimeRaisesMessagingTimeout() {
        try (PythonRpcServer server = server("py-1"); PythonRpcClient client = client()) {
            PeerError timeout = client.run(PeerCommand.call("sleep").target(target()).arg("seconds", 2).timeout(1),
                    WAIT).error();
            assertThat(timeout.qualifiedName()).isEqualTo("oslo_messaging.exceptions.MessagingTimeout");
            assertThat(timeout.message()).startsWith("Timed out waiting for a reply to message ID ");
            assertThat(server.awaitRequest("sleep", WAIT).isCall()).isTrue();
        }
    }

    @OnEveryBroker
    void callMonitorHeartbeatsKeepALongCallAlive() {
        try (PythonRpcServer server = server("py-1"); PythonRpcClient client = client()) {
            // 7 s of work, but silence is tolerated for only 4 s: only heartbeats (every 2 s) save the call.
            PeerCommand longCall = PeerCommand.call("sleep").target(target()).arg("seconds", 7).timeout(30)
                    .callMonitorTimeout(4);
            assertThat(client.run(longCall, WAIT).result().asInt()).isEqualTo(7);
            assertThat(server.awaitRequest("sleep", WAIT).clientTimeout().asInt()).isEqualTo(4);
        }
    }

    @OnEveryBroker
    void serverTargetedCallsAndCastsReachOnlyThatServer() {
        try (PythonRpcServer one = server("py-1"); PythonRpcServer two = server("py-2"); PythonRpcClient client = client()) {
            assertThat(client.run(PeerCommand.call("whoami").target(target("server", "py-2", "namespace", "ns2",
                    "version", "2.0")), WAIT).result().path("server").asText()).isEqualTo("py-2");
            assertThat(client.run(PeerCommand.cast("record").target(target("server", "py-1")).arg("n", 7), WAIT).sent())
                    .isTrue();

            assertThat(one.awaitRequest("record", WAIT).args().path("n").asInt()).isEqualTo(7);
            assertThat(one.requests()).extracting(ReceivedRequest::method).containsExactly("record");
            assertThat(two.awaitRequestCount(1, WAIT)).extracting(ReceivedRequest::method).containsExactly("whoami");
        }
    }

    @OnEveryBroker
    void aFanoutCastReachesEveryServer() {
        try (PythonRpcServer one = server("py-1"); PythonRpcServer two = server("py-2"); PythonRpcClient client = client()) {
            assertThat(client.run(PeerCommand.cast("record").target(target("fanout", true)).arg("note", "to all"), WAIT)
                    .sent()).isTrue();
            for (PythonRpcServer server : List.of(one, two)) {
                ReceivedRequest request = server.awaitRequest("record", WAIT);
                assertThat(request.kind()).isEqualTo("cast");
                assertThat(request.args().path("note").asText()).isEqualTo("to all");
            }
        }
    }

    @OnEveryBroker
    void theContextRoundTripsIncludingUnknownKeys() {
        Map<String, Object> ctxt = InteropPayloads.context();
        try (PythonRpcServer server = server("py-1"); PythonRpcClient client = client()) {
            JsonNode seen = client.run(PeerCommand.call("get_context").target(target()).ctxt(ctxt), WAIT).result();
            Map<String, Object> expected = new java.util.HashMap<>(ctxt);
            expected.put("client_timeout", null);  // oslo adds the request's _timeout to the endpoint's context
            assertThat(seen).isEqualTo(PeerJson.tree(expected));
            assertThat(server.awaitRequest("get_context", WAIT).context()).isEqualTo(PeerJson.tree(expected));
        }
    }

    @OnEveryBroker
    void manyConcurrentCallersAllGetTheirOwnAnswer() {
        int callers = 40;
        try (PythonRpcServer server = server("py-1"); PythonRpcClient client = client()) {
            List<PeerCommand> calls = IntStream.range(0, callers)
                    .mapToObj(i -> PeerCommand.call("add").target(target()).arg("a", i).arg("b", 1000)).toList();
            List<PeerReply> replies = client.runConcurrently(calls, Duration.ofSeconds(60));
            assertThat(replies).extracting(r -> r.result().asInt())
                    .containsExactlyElementsOf(IntStream.range(0, callers).mapToObj(i -> i + 1000).toList());
            assertThat(server.awaitRequestCount(callers, WAIT)).hasSize(callers);
        }
    }
}
