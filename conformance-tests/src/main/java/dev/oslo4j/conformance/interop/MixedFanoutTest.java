package dev.oslo4j.conformance.interop;

import dev.oslo4j.conformance.broker.BrokerUnderTest;
import dev.oslo4j.conformance.broker.OnEveryBroker;
import dev.oslo4j.conformance.python.PeerCommand;
import dev.oslo4j.conformance.python.PythonRpcClient;
import dev.oslo4j.conformance.python.PythonRpcServer;
import dev.oslo4j.conformance.python.ReceivedRequest;
import dev.oslo4j.conformance.python.RequiresPython;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.RpcRequestInfo;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import dev.oslo4j.testsupport.Await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Python and two Java servers on one topic: a fanout cast, whether a Java or a Python client sends
 * it, reaches all four exactly once; a plain cast reaches exactly one of them.
 */
@RequiresPython
class MixedFanoutTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @OnEveryBroker
    void fanoutCastsFromEitherLanguageReachEveryServerOfBoth(BrokerUnderTest broker) throws Exception {
        try (Interop it = Interop.on(broker)) {
            Transport transport = it.javaTransport();
            String topic = it.names.topic("fanout");
            Target target = Target.builder().exchange(it.names.exchange("fanout")).topic(topic).build();
            List<PythonRpcServer> pythonServers = List.of("py-1", "py-2").stream()
                    .map(name -> it.track(PythonRpcServer.start(it.python().with("exchange", target.exchange())
                            .with("topic", topic).with("server", it.names.server(topic, name))))).toList();
            List<JavaReferenceServer> javaServers = List.of("java-1", "java-2").stream()
                    .map(name -> it.track(JavaReferenceServer.start(transport,
                            target.withServer(it.names.server(topic, name))))).toList();
            PythonRpcClient pythonClient = it.track(PythonRpcClient.start(it.python()));

            RpcClient.builder(transport, target.withFanout(true)).build()
                    .cast(Map.of(), "record", Map.of("from", "java"));
            assertThat(pythonClient.run(PeerCommand.cast("record").target(target.withFanout(true))
                    .arg("from", "python"), WAIT).sent()).isTrue();
            RpcClient.builder(transport, target).build().cast(Map.of(), "record", Map.of("from", "plain cast"));

            for (PythonRpcServer server : pythonServers) {
                List<ReceivedRequest> fanouts = server.awaitRequests("both fanout casts",
                        r -> !r.args().path("from").asText().equals("plain cast"), 2, WAIT);
                assertThat(fanouts).extracting(r -> r.args().path("from").asText())
                        .containsExactlyInAnyOrder("java", "python");
                assertThat(fanouts).extracting(ReceivedRequest::kind).containsOnly("cast");
            }
            for (JavaReferenceServer server : javaServers) {
                List<RpcRequestInfo> fanouts = server.awaitRequests("both fanout casts",
                        r -> !r.args().path("from").asText().equals("plain cast"), 2, WAIT);
                assertThat(fanouts).extracting(r -> r.args().path("from").asText())
                        .containsExactlyInAnyOrder("java", "python");
                assertThat(fanouts).extracting(RpcRequestInfo::call).containsOnly(false);
            }
            // The shared <topic> queue, declared alike by both languages, feeds competing consumers.
            Await.until(WAIT, "the plain cast is at one of the four servers",
                    () -> plainCasts(pythonServers, javaServers) >= 1,
                    () -> plainCasts(pythonServers, javaServers) + " plain casts");
            assertThat(plainCasts(pythonServers, javaServers)).as("copies of the plain cast").isEqualTo(1);
        }
    }

    private static long plainCasts(List<PythonRpcServer> python, List<JavaReferenceServer> java) {
        return python.stream().flatMap(s -> s.requests().stream())
                .filter(r -> r.args().path("from").asText().equals("plain cast")).count()
                + java.stream().flatMap(s -> s.requests().stream())
                .filter(r -> r.args().path("from").asText().equals("plain cast")).count();
    }
}
