package dev.oslo4j.messaging.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oslo4j.messaging.NotificationEndpoint;
import dev.oslo4j.messaging.NotificationListener;
import dev.oslo4j.messaging.NotificationMetadata;
import dev.oslo4j.messaging.NotificationResult;
import dev.oslo4j.messaging.Notifier;
import dev.oslo4j.messaging.RemoteError;
import dev.oslo4j.messaging.RequestContext;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.RpcServer;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Observations recorded by clients, servers, notifiers and listeners of a transport given a registry. */
class ObservationIT {

    @RegisterExtension
    final EmbeddedBrokerVhost broker = new EmbeddedBrokerVhost();

    public static class Service {
        public int add(int a, int b) {
            return a + b;
        }

        public void record(String note) {
        }

        public void fail() {
            throw new IllegalStateException("boom");
        }
    }

    /** Counts stopped observations by name, to await the server side (which stops after the reply is sent). */
    private static final class Stops implements ObservationHandler<Observation.Context> {
        final ConcurrentLinkedQueue<String> names = new ConcurrentLinkedQueue<>();

        @Override
        public void onStop(Observation.Context context) {
            names.add(context.getName());
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return true;
        }

        long count(String name) {
            return names.stream().filter(name::equals).count();
        }
    }

    @Test
    void rpcAndNotificationObservationsCarryTheirTags() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        Stops stops = new Stops();
        registry.observationConfig().observationHandler(stops);
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (Transport t = Transport.builder(broker.url()).observationRegistry(registry).open();
             RpcServer server = RpcServer.builder(t, Target.topic("calc").withServer("s1"))
                     .endpoint(new Service()).build().start();
             NotificationListener listener = NotificationListener.builder(t).target(Target.topic("notifications"))
                     .endpoint(new NotificationEndpoint() {
                         @Override
                         public NotificationResult info(RequestContext ctxt, String publisherId, String eventType,
                                                         JsonNode payload, NotificationMetadata metadata) {
                             seen.add(eventType);
                             return NotificationResult.HANDLED;
                         }
                     }).build().start()) {
            RpcClient client = RpcClient.builder(t, Target.topic("calc")).timeout(Duration.ofSeconds(10)).build();
            client.call(Map.of(), "add", Map.of("a", 1, "b", 2));
            client.cast(Map.of(), "record", Map.of("note", "x"));
            client.prepare().fanout(true).build().cast(Map.of(), "record", Map.of("note", "y"));
            assertThatThrownBy(() -> client.call(Map.of(), "fail", Map.of())).isInstanceOf(RemoteError.class);
            Notifier.builder(t).publisherId("calc.s1").build()
                    .info(Map.of(), "calc.sum.done", Map.of("sum", 3)).join();

            Eventually.await(Duration.ofSeconds(10), () -> stops.count("oslo.rpc.server") == 4
                    && stops.count("oslo.notify.receive") == 1, () -> stops.names.toString());
        }

        assertThat(registry)
                .hasNumberOfObservationsWithNameEqualTo("oslo.rpc.client", 4)
                .hasAnObservation(o -> o.hasNameEqualTo("oslo.rpc.client")
                        .hasLowCardinalityKeyValue("oslo.kind", "call")
                        .hasLowCardinalityKeyValue("oslo.method", "add")
                        .hasLowCardinalityKeyValue("oslo.topic", "calc")
                        .hasLowCardinalityKeyValue("oslo.exchange", "openstack")
                        .hasLowCardinalityKeyValue("outcome", "success")
                        .hasLowCardinalityKeyValue("exception", "none")
)
                .hasAnObservation(o -> o.hasNameEqualTo("oslo.rpc.client")
                        .hasLowCardinalityKeyValue("oslo.kind", "cast")
                        .hasLowCardinalityKeyValue("oslo.method", "record"))
                .hasAnObservation(o -> o.hasNameEqualTo("oslo.rpc.client")
                        .hasLowCardinalityKeyValue("oslo.kind", "fanout"))
                .hasAnObservation(o -> o.hasNameEqualTo("oslo.rpc.client")
                        .hasLowCardinalityKeyValue("oslo.method", "fail")
                        .hasLowCardinalityKeyValue("outcome", "error")
                        .hasLowCardinalityKeyValue("exception", "IllegalStateException"))
                .hasAnObservation(o -> o.hasNameEqualTo("oslo.rpc.server")
                        .hasLowCardinalityKeyValue("oslo.kind", "call")
                        .hasLowCardinalityKeyValue("oslo.method", "add")
                        .hasHighCardinalityKeyValue("oslo.server", "s1"))
                .hasAnObservation(o -> o.hasNameEqualTo("oslo.rpc.server")
                        .hasLowCardinalityKeyValue("oslo.kind", "fanout"))
                .hasAnObservation(o -> o.hasNameEqualTo("oslo.rpc.server")
                        .hasLowCardinalityKeyValue("oslo.method", "fail")
                        .hasLowCardinalityKeyValue("outcome", "error")
                        .hasLowCardinalityKeyValue("exception", "IllegalStateException")
                        .assertThatError().isInstanceOf(IllegalStateException.class))
                .hasAnObservation(o -> o.hasNameEqualTo("oslo.notify.send")
                        .hasLowCardinalityKeyValue("oslo.event_type", "calc.sum.done")
                        .hasLowCardinalityKeyValue("oslo.priority", "INFO")
                        .hasLowCardinalityKeyValue("oslo.topic", "notifications")
                        .hasHighCardinalityKeyValue("oslo.publisher_id", "calc.s1"))
                .hasAnObservation(o -> o.hasNameEqualTo("oslo.notify.receive")
                        .hasLowCardinalityKeyValue("oslo.event_type", "calc.sum.done")
                        .hasLowCardinalityKeyValue("oslo.priority", "INFO")
                        .hasLowCardinalityKeyValue("oslo.topic", "notifications")
                        .hasLowCardinalityKeyValue("outcome", "success"));
    }
}
