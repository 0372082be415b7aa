package dev.oslo4j.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oslo4j.messaging.MessagingTimeout;
import dev.oslo4j.messaging.RemoteError;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import dev.oslo4j.messaging.wire.Envelope;
import dev.oslo4j.messaging.wire.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

/** Stub servers answer through the library's RPC server, as a Python oslo.messaging server would. */
@ExtendWith(OsloBroker.class)
class StubServerTest {

    private static final Target SCHEDULER = Target.topic("scheduler");
    private static final Map<String, Object> CTX = Map.of("request_id", "req-1");

    private static RpcClient client(Transport transport, Target target) {
        return RpcClient.builder(transport, target).timeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void replyReturnsTheValueOnThePythonWire(Transport transport, OsloBus bus) throws Exception {
        bus.stubServer(SCHEDULER).on("select_destinations").reply(List.of(Map.of("host", "host1", "nodes", 2)));

        JsonNode result = client(transport, SCHEDULER).call(CTX, "select_destinations", Map.of("spec", "x"));

        assertThat(result).hasSize(1);
        assertThat(result.get(0).get("host").asText()).isEqualTo("host1");
        RecordedReply reply = bus.replies().get(0);
        assertThat(reply.ending()).isTrue();
        assertThat(reply.failure()).isNull();
        // docs/wire-protocol.md §5.2: the keys and their order as Python writes them
        assertThat(fieldNames(Envelope.unwrap(reply.body().getBytes())))
                .containsExactly("result", "failure", "ending", "_msg_id", "_unique_id");
    }

    @Test
    void replyWithComputesTheResultFromTheArguments(Transport transport, OsloBus bus) {
        bus.stubServer(SCHEDULER).on("add").replyWith(args -> args.get("a").asInt() + args.get("b").asInt());
        assertThat(client(transport, SCHEDULER).call(CTX, "add", Map.of("a", 2, "b", 3)).asInt()).isEqualTo(5);
    }

    @Test
    void raiseFailsTheCallWithThePythonModuleAndClass(Transport transport, OsloBus bus) throws Exception {
        bus.stubServer(SCHEDULER).on("select_destinations")
                .raise("nova.exception", "NoValidHost", "No valid host was found. There are not enough hosts.");

        assertThatThrownBy(() -> client(transport, SCHEDULER).call(CTX, "select_destinations", Map.of()))
                .asInstanceOf(type(RemoteError.class))
                .satisfies(e -> {
                    assertThat(e.module()).isEqualTo("nova.exception");
                    assertThat(e.exceptionClass()).isEqualTo("NoValidHost");
                    assertThat(e.value()).isEqualTo("No valid host was found. There are not enough hosts.");
                });
        RecordedReply reply = bus.replies().get(0);
        assertThat(reply.failure().module()).isEqualTo("nova.exception");
        assertThat(reply.failure().exceptionClass()).isEqualTo("NoValidHost");
        JsonNode failure = Json.parse(Envelope.unwrap(reply.body().getBytes()).get("failure").textValue());
        assertThat(fieldNames(failure)).containsExactly("class", "module", "message", "tb", "args", "kwargs");
    }

    @Test
    void raiseWithARemoteErrorCarriesItsKwargs(Transport transport, OsloBus bus) {
        bus.stubServer(SCHEDULER).on("get").raise(RemoteError.builder("nova.exception", "InstanceNotFound")
                .message("Instance uuid-9 could not be found.").kwarg("instance_id", "uuid-9").build());

        assertThatThrownBy(() -> client(transport, SCHEDULER).call(CTX, "get", Map.of()))
                .asInstanceOf(type(RemoteError.class))
                .satisfies(e -> assertThat(e.kwargs()).containsEntry("instance_id", "uuid-9"));
    }

    @Test
    void noReplyMakesTheCallerTimeOut(Transport transport, OsloBus bus) {
        bus.stubServer(SCHEDULER).on("slow").noReply();

        RpcClient impatient = RpcClient.builder(transport, SCHEDULER).timeout(Duration.ofSeconds(1)).build();
        assertThatThrownBy(() -> impatient.call(CTX, "slow", Map.of())).isInstanceOf(MessagingTimeout.class);
        bus.assertCalled(SCHEDULER, "slow");
        assertThat(bus.replies()).isEmpty();
    }

    @Test
    void anUnstubbedMethodIsNoSuchMethodAsOnAPythonServer(Transport transport, OsloBus bus) {
        bus.stubServer(SCHEDULER).on("select_destinations").reply(List.of());

        assertThatThrownBy(() -> client(transport, SCHEDULER).call(CTX, "reserve", Map.of()))
                .asInstanceOf(type(RemoteError.class))
                .satisfies(e -> {
                    assertThat(e.module()).isEqualTo("oslo_messaging.rpc.dispatcher");
                    assertThat(e.exceptionClass()).isEqualTo("NoSuchMethod");
                    assertThat(e.value()).isEqualTo("Endpoint does not support RPC method reserve");
                });
    }

    @Test
    void castsReachTheStubAndAreNeverAnswered(Transport transport, OsloBus bus) {
        AtomicInteger runs = new AtomicInteger();
        bus.stubServer(SCHEDULER).on("notify_host").replyWith(args -> runs.incrementAndGet());

        client(transport, SCHEDULER).cast(CTX, "notify_host", Map.of());
        client(transport, SCHEDULER).call(CTX, "notify_host", Map.of());

        assertThat(runs).hasValue(2);
        assertThat(bus.replies()).hasSize(1);
        assertThat(bus.casts()).singleElement().satisfies(c -> assertThat(c.unroutable()).isFalse());
    }

    @Test
    void aServerTargetedStubGetsTopicServerAndFanoutTraffic(Transport transport, OsloBus bus) throws Exception {
        List<String> seen = new ArrayList<>();
        CountDownLatch three = new CountDownLatch(3);
        Target host1 = Target.topic("compute").withServer("host1");
        StubServer stub = bus.stubServer(host1).on("where").replyWith(args -> {
            synchronized (seen) {
                seen.add(args.get("via").asText());
            }
            three.countDown();
            return null;
        });
        assertThat(stub.target()).isEqualTo(host1);

        client(transport, host1).call(CTX, "where", Map.of("via", "server"));
        client(transport, Target.topic("compute")).call(CTX, "where", Map.of("via", "topic"));
        client(transport, Target.topic("compute").withFanout(true)).cast(CTX, "where", Map.of("via", "fanout"));

        assertThat(three.await(10, TimeUnit.SECONDS)).as("three requests served").isTrue();
        synchronized (seen) {
            assertThat(seen).containsExactlyInAnyOrder("server", "topic", "fanout");
        }
    }

    @Test
    void stubsServeTheirTargetsNamespaceAndVersion(Transport transport, OsloBus bus) {
        Target v23 = Target.topic("conductor").withNamespace("baseapi").withVersion("2.3");
        bus.stubServer(v23).on("ping").reply("pong");

        assertThat(client(transport, v23.withVersion("2.1")).call(CTX, "ping", Map.of()).asText()).isEqualTo("pong");
        assertThatThrownBy(() -> client(transport, v23.withVersion("3.0")).call(CTX, "ping", Map.of()))
                .asInstanceOf(type(RemoteError.class))
                .satisfies(e -> assertThat(e.exceptionClass()).isEqualTo("UnsupportedVersion"));
    }

    @Test
    void aStoppedStubAnswersNothing(Transport transport, OsloBus bus) {
        StubServer stub = bus.stubServer(SCHEDULER).on("ping").reply("pong");
        stub.stop();
        RpcClient impatient = RpcClient.builder(transport, SCHEDULER).timeout(Duration.ofSeconds(1)).build();
        assertThatThrownBy(() -> impatient.call(CTX, "ping", Map.of())).isInstanceOf(MessagingTimeout.class);
    }

    @Test
    void privateMethodsCannotBeStubbed(OsloBus bus) {
        assertThatThrownBy(() -> bus.stubServer(SCHEDULER).on("_secret"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'_secret' starts with '_'");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        ((ObjectNode) node).properties().forEach(e -> names.add(e.getKey()));
        return names;
    }
}
