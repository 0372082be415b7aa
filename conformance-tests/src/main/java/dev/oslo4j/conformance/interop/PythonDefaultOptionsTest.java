package dev.oslo4j.conformance.interop;

import dev.oslo4j.conformance.broker.BrokerUnderTest;
import dev.oslo4j.conformance.broker.OnEveryBroker;
import dev.oslo4j.conformance.python.PeerCommand;
import dev.oslo4j.conformance.python.PeerConfig;
import dev.oslo4j.conformance.python.PythonListener;
import dev.oslo4j.conformance.python.PythonNotifier;
import dev.oslo4j.conformance.python.PythonRpcClient;
import dev.oslo4j.conformance.python.PythonRpcServer;
import dev.oslo4j.conformance.python.ReceivedRequest;
import dev.oslo4j.conformance.python.RequiresPython;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Python oslo.messaging with every option at its default (AMQPLAIN login, control exchange
 * "openstack", {@code expiration} on calls, reply and fanout queues with {@code x-expires: 1800000})
 * calls, casts, fanout-casts and notifies through the broker. Only the topic is unique.
 */
@RequiresPython
class PythonDefaultOptionsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @OnEveryBroker
    void callCastFanoutAndNotifyWorkWithDefaultOptions(BrokerUnderTest broker) throws Exception {
        try (Interop it = Interop.on(broker)) {
            String topic = it.names.topic("defaults");
            PeerConfig defaults = PeerConfig.forUrl(it.transportUrl());
            Map<String, Object> target = Map.of("topic", topic);
            try (PythonRpcServer server = PythonRpcServer.start(PeerConfig.forUrl(it.transportUrl())
                    .with("topic", topic).with("server", it.names.server(topic, "default-1")));
                 PythonRpcClient client = PythonRpcClient.start(defaults);
                 PythonListener listener = PythonListener.start(PeerConfig.forUrl(it.transportUrl())
                         .with("targets", List.of(Map.of("topic", topic))).with("priorities", List.of("info")));
                 PythonNotifier notifier = PythonNotifier.start(defaults)) {
                assertThat(server.peer().readyEvent().path("exchange").asText()).isEqualTo("openstack");

                assertThat(client.run(PeerCommand.call("echo").target(target).arg("arg", "hi"), WAIT).result().asText())
                        .isEqualTo("hi");
                assertThat(client.run(PeerCommand.cast("record").target(target).arg("via", "cast"), WAIT).sent())
                        .isTrue();
                assertThat(client.run(PeerCommand.cast("record").target(Map.of("topic", topic, "fanout", true))
                        .arg("via", "fanout"), WAIT).sent()).isTrue();
                notifier.notify(PeerCommand.notify("info", "defaults.test").topics(topic).payload(Map.of("k", "v")));

                assertThat(server.awaitRequests("the cast and the fanout cast", r -> r.method().equals("record"), 2, WAIT))
                        .extracting(r -> r.args().path("via").asText()).containsExactlyInAnyOrder("cast", "fanout");
                assertThat(server.requests()).extracting(ReceivedRequest::kind).containsExactlyInAnyOrder(
                        "call", "cast", "cast");
                assertThat(listener.awaitNotifications(1, WAIT).get(0).eventType()).isEqualTo("defaults.test");
            }
        }
    }
}
