package dev.oslo4j.messaging.versionedobjects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oslo4j.messaging.RemoteError;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.RpcServer;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import dev.oslo4j.messaging.wire.Ids;
import dev.oslo4j.messaging.wire.Json;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Registration rules, class-based objects, untyped hydration and RPC through the serializer on {@code fake://}.
 * (The wire format itself is checked against the real Python library by the conformance tests.)
 */
class VersionedObjectSerializerTest {

    @VersionedObject(version = "2.1")
    static final class Node {
        String host;
        OffsetDateTime seen;
        @ObjectField(nullable = true)
        String note;
        @ObjectChanges
        List<String> changed;
        transient int ignored;

        Node() {
        }

        Node(String host, OffsetDateTime seen) {
            this.host = host;
            this.seen = seen;
        }
    }

    @VersionedObject(name = "Cluster", version = "1.0", namespace = "test")
    record Cluster(String name, List<Node> nodes) {
    }

    @VersionedObject(name = "Cluster", version = "1.4", namespace = "test")
    record OtherCluster(String name) {
    }

    record NotAnObject(String name) {
    }

    private final VersionedObjectSerializer objects = VersionedObjectSerializer.builder().register(Cluster.class).build();

    @Test
    void classBasedObjectsNestedInAListRoundTrip() {
        Node n = new Node("h1", OffsetDateTime.parse("2026-03-04T05:06:07+02:00"));
        ObjectNode p = objects.toPrimitive(new Cluster("c", List.of(n)));

        JsonNode node = p.get("versioned_object.data").get("nodes").get(0);
        assertThat(node.get("versioned_object.name").asText()).isEqualTo("Node");
        assertThat(node.get("versioned_object.namespace").asText()).isEqualTo("versionedobjects");
        assertThat(node.get("versioned_object.version").asText()).isEqualTo("2.1");
        assertThat(node.get("versioned_object.data").toString())
                .isEqualTo("{\"host\":\"h1\",\"seen\":\"2026-03-04T03:06:07Z\",\"note\":null}");
        assertThat(node.get("versioned_object.changes").toString()).isEqualTo("[\"host\",\"seen\",\"note\"]");

        Cluster back = objects.fromPrimitive(p, Cluster.class);
        Node b = back.nodes().get(0);
        assertThat(b.host).isEqualTo("h1");
        assertThat(b.seen.toInstant()).isEqualTo(n.seen.toInstant());
        assertThat(b.changed).containsExactly("host", "seen", "note");
    }

    @Test
    void untypedValuesAreHydratedWhereverTheyAre() {
        ObjectNode p = objects.toPrimitive(new Cluster("c", List.of()));
        JsonNode list = Json.mapper().valueToTree(List.of(Map.of("k", p), 3));
        Object v = objects.deserializeEntity(null, list, Object.class);
        assertThat(v).isEqualTo(List.of(Map.of("k", new Cluster("c", List.of())), 3));
    }

    @Test
    void registrationMistakesAreReportedUpFront() {
        assertThatThrownBy(() -> VersionedObjectSerializer.builder().register(NotAnObject.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not annotated @VersionedObject");
        assertThatThrownBy(() -> VersionedObjectSerializer.builder().register(Cluster.class, OtherCluster.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("test.Cluster is registered twice");
        assertThatThrownBy(() -> objects.toPrimitive(new OtherCluster("x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not registered");
        VersionedObjectSerializer.Builder b = VersionedObjectSerializer.builder();
        b.build();
        assertThatThrownBy(() -> b.register(Cluster.class)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void malformedPrimitivesAreIllegalArguments() {
        assertThatThrownBy(() -> objects.fromPrimitive(Json.mapper().createObjectNode(), Cluster.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"versioned_object.namespace\" is missing");
        ObjectNode p = objects.toPrimitive(new Cluster("c", List.of()));
        ((ObjectNode) p.get("versioned_object.data")).put("nodes", "not a list");
        assertThatThrownBy(() -> objects.fromPrimitive(p, Cluster.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("field nodes of object Cluster");
    }

    public static final class Clusters {
        public Cluster grow(Cluster cluster, Node node) {
            List<Node> nodes = new ArrayList<>(cluster.nodes());
            nodes.add(node);
            return new Cluster(cluster.name(), nodes);
        }
    }

    @Test
    void rpcArgumentsAndResultsTravelAsObjectsAndUnknownVersionsAreReported() {
        String url = "fake:///" + getClass().getSimpleName() + "-" + Ids.hex32();
        try (Transport t = Transport.open(url);
             RpcServer server = RpcServer.builder(t, Target.topic("c").withServer("s")).endpoint(new Clusters())
                     .serializer(objects).build().start()) {
            RpcClient client = RpcClient.builder(t, Target.topic("c")).timeout(Duration.ofSeconds(10))
                    .serializer(objects).build();
            Cluster grown = client.call(Map.of(), "grow", Map.of("cluster", new Cluster("c", List.of()),
                    "node", new Node("h2", null)), Cluster.class);
            assertThat(grown.nodes()).extracting(n -> n.host).containsExactly("h2");

            VersionedObjectSerializer newer = VersionedObjectSerializer.builder().register(OtherCluster.class).build();
            RpcClient ahead = client.prepare().serializer(newer).build();
            assertThatThrownBy(() -> ahead.call(Map.of(), "grow", Map.of("cluster", new OtherCluster("c"),
                    "node", Map.of())))
                    .isInstanceOfSatisfying(RemoteError.class, e -> {
                        assertThat(e.module()).isEqualTo("oslo_versionedobjects.exception");
                        assertThat(e.exceptionClass()).isEqualTo("IncompatibleObjectVersion");
                        assertThat(e.kwargs()).isEqualTo(Map.of("objname", "Cluster", "objver", "1.4",
                                "supported", "1.0"));
                    });
        }
    }
}
