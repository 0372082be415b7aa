package dev.oslo4j.messaging.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oslo4j.broker.EmbeddedBroker;
import dev.oslo4j.messaging.ConnectionEvent;
import dev.oslo4j.messaging.MessagingOptions;
import dev.oslo4j.messaging.NotificationEndpoint;
import dev.oslo4j.messaging.NotificationListener;
import dev.oslo4j.messaging.NotificationMetadata;
import dev.oslo4j.messaging.NotificationResult;
import dev.oslo4j.messaging.RequestContext;
import dev.oslo4j.messaging.RpcServer;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Connection state and events as API: dropped connections and a broker restart, on an embedded broker of its own. */
class ConnectionStateIT {

    @AutoClose
    private static EmbeddedBroker broker;

    @BeforeAll
    static void start() {
        broker = EmbeddedBroker.start();
    }

    public static class Service {
        public int one() {
            return 1;
        }
    }

    private static final MessagingOptions FAST = MessagingOptions.builder()
            .set("rabbit_retry_interval", "1").set("rabbit_retry_backoff", "0").set("kombu_reconnect_delay", "0.1")
            .build();

    @Test
    void droppedConnectionsAreLostThenRecoveredAndConsumersComeBack() {
        List<ConnectionEvent> events = new CopyOnWriteArrayList<>();
        try (Transport t = Transport.open(broker.transportUrl(), FAST).addConnectionListener(events::add);
             RpcServer server = RpcServer.builder(t, Target.topic("state").withServer("s1"))
                     .endpoint(new Service()).build().start();
             NotificationListener listener = NotificationListener.builder(t).target(Target.topic("state-notes"))
                     .endpoint(new InfoEndpoint()).build().start()) {
            assertThat(t.isConnected()).isTrue();
            assertThat(t.connectedHost()).contains("127.0.0.1:" + broker.port());
            assertThat(server.isConsuming()).isTrue();
            assertThat(listener.isConsuming()).isTrue();
            assertThat(events).as("the listen connection opened after the listener was registered")
                    .extracting(ConnectionEvent::type, ConnectionEvent::connection)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(ConnectionEvent.Type.CONNECTED, "listen"));

            broker.dropConnections();

            awaitEvents(events, ConnectionEvent.Type.RECOVERED, 2);
            assertThat(events).filteredOn(e -> e.type() == ConnectionEvent.Type.LOST)
                    .extracting(ConnectionEvent::connection).containsExactlyInAnyOrder("send", "listen");
            assertThat(events).filteredOn(e -> e.type() == ConnectionEvent.Type.LOST)
                    .allSatisfy(e -> assertThat(e.reason()).isNotBlank())
                    .allSatisfy(e -> assertThat(e.host()).isEqualTo("127.0.0.1:" + broker.port()));
            Eventually.await(Duration.ofSeconds(15), () -> t.isConnected() && server.isConsuming()
                    && listener.isConsuming(), () -> t.connectionProblem() + " " + server.consumerProblem());
        }
    }

    @Test
    void aBrokerRestartIsLostThenRecoveredAndTheStateSaysWhyMeanwhile() {
        List<ConnectionEvent> events = new CopyOnWriteArrayList<>();
        try (Transport t = Transport.open(broker.transportUrl(), FAST);
             RpcServer server = RpcServer.builder(t, Target.topic("restart").withServer("s1"))
                     .endpoint(new Service()).build().start()) {
            t.addConnectionListener(e -> {
                if (e.type() == ConnectionEvent.Type.LOST) {
                    // the state the listener sees when told of the loss
                    events.add(new ConnectionEvent(e.type(), e.connection(), String.valueOf(t.isConnected()),
                            null, t.connectionProblem().orElse(""), e.at()));
                } else {
                    events.add(e);
                }
            });
            broker.restart();
            awaitEvents(events, ConnectionEvent.Type.RECOVERED, 2);
            assertThat(events).filteredOn(e -> e.type() == ConnectionEvent.Type.LOST).hasSize(2)
                    .allSatisfy(e -> assertThat(e.host()).as("isConnected() during the loss").isEqualTo("false"))
                    .anySatisfy(e -> assertThat(e.reason()).contains("lost, reconnecting"));
            Eventually.await(Duration.ofSeconds(15), server::isConsuming, () -> server.consumerProblem().toString());
        }
        assertThat(events).noneMatch(e -> e.type() == ConnectionEvent.Type.FAILED_OVER);
    }

    @Test
    void aStoppedServerSaysSo() {
        try (Transport t = Transport.open(broker.transportUrl())) {
            RpcServer server = RpcServer.builder(t, Target.topic("stopped").withServer("s1"))
                    .endpoint(new Service()).build();
            assertThat(server.consumerProblem()).contains("not started");
            server.start();
            assertThat(server.isConsuming()).isTrue();
            server.stop();
            assertThat(server.isConsuming()).isFalse();
            assertThat(server.consumerProblem()).contains("stopped");
            server.close();
        }
    }

    private static void awaitEvents(List<ConnectionEvent> events, ConnectionEvent.Type type, int n) {
        Eventually.await(Duration.ofSeconds(20), () -> events.stream().filter(e -> e.type() == type).count() >= n,
                events::toString);
    }

    private static final class InfoEndpoint implements NotificationEndpoint {
        @Override
        public NotificationResult info(RequestContext ctxt, String publisherId, String eventType, JsonNode payload,
                                       NotificationMetadata metadata) {
            return NotificationResult.HANDLED;
        }
    }
}
