package dev.oslo4j.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.oslo4j.messaging.wire.Ids;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The serializer seam on every builder, on {@code fake://} (same envelopes as a broker): a user's
 * {@link ObjectMapper} binds arguments, results and payloads both ways, and a custom {@link Serializer} sees the
 * context and entities exactly where oslo calls its serializer.
 */
class SerializerTest {

    /** A record with a java.time field, written in snake_case by the user's mapper. */
    public record Host(String hostName, int cpuCount, Instant bootedAt) {
    }

    private static final ObjectMapper USER_MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private static final Host HOST = new Host("node-1", 8, Instant.parse("2026-01-02T03:04:05.123456Z"));

    /** One bus per test (fake:// isolates virtual hosts); servers and listeners close in each test first. */
    @AutoClose
    private final Transport transport = Transport.open("fake:///" + getClass().getSimpleName() + "-" + Ids.hex32());

    public static final class Hosts {
        public Host rename(Host host, String name) {
            return new Host(name, host.cpuCount(), host.bootedAt().plusSeconds(1));
        }
    }

    @Test
    void usersMapperBindsArgumentsAndResultsBothWays() throws Exception {
        JacksonSerializer serializer = JacksonSerializer.of(USER_MAPPER);
        BlockingQueue<JsonNode> wireArgs = new LinkedBlockingQueue<>();
        try (RpcServer server = RpcServer.builder(transport, Target.topic("hosts").withServer("s1"))
                .endpoint(new Hosts()).serializer(serializer).onRequest(r -> wireArgs.add(r.args())).build()
                .start()) {
            callRenameAndCheckTheWire(serializer, wireArgs);
        }
    }

    private void callRenameAndCheckTheWire(JacksonSerializer serializer, BlockingQueue<JsonNode> wireArgs)
            throws Exception {
        RpcClient client = RpcClient.builder(transport, Target.topic("hosts")).timeout(Duration.ofSeconds(10))
                .serializer(serializer).build();

        Host renamed = client.call(Map.of(), "rename", Map.of("host", HOST, "name", "node-2"), Host.class);

        assertThat(renamed).isEqualTo(new Host("node-2", 8, Instant.parse("2026-01-02T03:04:06.123456Z")));
        JsonNode sent = wireArgs.poll(10, TimeUnit.SECONDS);
        assertThat(sent).isNotNull();
        assertThat(sent.path("host").path("host_name").asText()).isEqualTo("node-1");
        assertThat(sent.path("host").path("booted_at").asText()).isEqualTo("2026-01-02T03:04:05.123456Z");
        // the result on the wire, as a client without this serializer sees it
        JsonNode raw = RpcClient.builder(transport, Target.topic("hosts")).timeout(Duration.ofSeconds(10)).build()
                .call(Map.of(), "rename", Map.of("host", sent.get("host"), "name", "n3"));
        assertThat(raw.path("host_name").asText()).isEqualTo("n3");
        assertThat(raw.path("booted_at").asText()).isEqualTo("2026-01-02T03:04:06.123456Z");
    }

    @Test
    void defaultMapperCannotBindWhatTheUsersMapperCan() {
        RpcClient client = RpcClient.builder(transport, Target.topic("hosts")).timeout(Duration.ofSeconds(10))
                .build();
        // without the serializer the record's Instant is not JSON-serializable by oslo4j's default mapping:
        // the call fails before anything is sent
        assertThatThrownBy(() -> client.call(Map.of(), "rename", Map.of("host", HOST, "name", "x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Records every call oslo makes to its serializer, and marks what passes through. */
    static final class Tracing implements Serializer {
        final BlockingQueue<String> calls = new LinkedBlockingQueue<>();
        private final JacksonSerializer json = JacksonSerializer.defaults();

        @Override
        public Object serializeEntity(RequestContext context, Object entity) {
            calls.add("serializeEntity " + entity + " user=" + context.userId());
            return Map.of("wrapped", entity);
        }

        @Override
        public Object deserializeEntity(RequestContext context, JsonNode primitive, Type type) {
            calls.add("deserializeEntity " + primitive + " as " + type.getTypeName() + " user=" + context.userId());
            return json.deserializeEntity(context, primitive.get("wrapped"), type);
        }

        @Override
        public Map<String, ?> serializeContext(Map<String, ?> context) {
            calls.add("serializeContext");
            Map<String, Object> c = new LinkedHashMap<>(context);
            c.put("serialized_by", "tracing");
            return c;
        }

        @Override
        public RequestContext deserializeContext(RequestContext context) {
            calls.add("deserializeContext " + context.getString("serialized_by"));
            return context.with("deserialized", true);
        }
    }

    public static final class Adder {
        final BlockingQueue<RequestContext> contexts = new LinkedBlockingQueue<>();

        public int add(RequestContext ctxt, int a, int b) {
            contexts.add(ctxt);
            return a + b;
        }
    }

    @Test
    void customSerializerSeesContextArgumentsAndResultWhereOsloCallsIt() throws Exception {
        Tracing clientSide = new Tracing();
        Tracing serverSide = new Tracing();
        Adder adder = new Adder();
        RpcClient client = RpcClient.builder(transport, Target.topic("adder")).timeout(Duration.ofSeconds(10))
                .serializer(clientSide).build();
        int sum;
        try (RpcServer server = RpcServer.builder(transport, Target.topic("adder").withServer("s1")).endpoint(adder)
                .serializer(serverSide).build().start()) {
            sum = client.call(Map.of("user_id", "u1"), "add", Map.of("a", 2, "b", 3), Integer.class);
        }

        assertThat(sum).isEqualTo(5);
        assertThat(List.copyOf(clientSide.calls)).containsExactlyInAnyOrder("serializeEntity 2 user=u1",
                "serializeEntity 3 user=u1", "serializeContext",
                "deserializeEntity {\"wrapped\":5} as java.lang.Integer user=u1");
        RequestContext seen = adder.contexts.poll(10, TimeUnit.SECONDS);
        assertThat(seen).isNotNull();
        assertThat(seen.get("deserialized")).isEqualTo(true);
        assertThat(seen.getString("serialized_by")).isEqualTo("tracing");
        assertThat(List.copyOf(serverSide.calls)).containsExactlyInAnyOrder("deserializeContext tracing",
                "deserializeEntity {\"wrapped\":2} as int user=u1", "deserializeEntity {\"wrapped\":3} as int user=u1",
                "serializeEntity 5 user=u1");
    }

    public static final class HostEvents {
        final BlockingQueue<Object[]> received = new LinkedBlockingQueue<>();

        public void info(RequestContext ctxt, String publisherId, String eventType, Host payload,
                         NotificationMetadata metadata) {
            received.add(new Object[] {ctxt, payload});
        }
    }

    @Test
    void notifierAndListenerUseTheirSerializers() throws Exception {
        HostEvents events = new HostEvents();
        Notifier notifier = Notifier.builder(transport).topics("hosts-events").publisherId("test")
                .serializer(JacksonSerializer.of(USER_MAPPER)).build();
        Object[] got;
        try (NotificationListener listener = NotificationListener.builder(transport)
                .target(Target.topic("hosts-events")).endpoint(events)
                .serializer(JacksonSerializer.of(USER_MAPPER)).build().start()) {
            notifier.info(Map.of("user_id", "u1"), "host.booted", HOST).get(10, TimeUnit.SECONDS);
            got = events.received.poll(10, TimeUnit.SECONDS);
        }
        assertThat(got).isNotNull();
        assertThat(((RequestContext) got[0]).userId()).isEqualTo("u1");
        assertThat(got[1]).isEqualTo(HOST);
    }

    @Test
    void notifierReportsAPayloadItsSerializerCannotWrite() {
        Notifier notifier = Notifier.builder(transport).topics("t")
                .serializer(JacksonSerializer.of(JsonMapper.builder().build())).build();
        assertThatThrownBy(() -> notifier.info(Map.of(), "host.booted", HOST).get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("payload of notification 'host.booted' is not serializable");
    }
}
