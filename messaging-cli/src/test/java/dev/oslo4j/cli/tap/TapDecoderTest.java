package dev.oslo4j.cli.tap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oslo4j.messaging.wire.Failure;
import dev.oslo4j.messaging.wire.ReplyMessages;
import dev.oslo4j.messaging.wire.RpcMessages;
import dev.oslo4j.messaging.wire.RpcRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tap's decoding and pairing, on bodies written by messaging-core's own encoders; no broker. */
class TapDecoderTest {
    private static final RpcRequest ECHO = new RpcRequest("echo", Map.of("arg", "hi"), null, "1.0", Map.of());

    @Test
    void pairsAReplyWithItsCallAndTimesTheRoundTrip() {
        TapDecoder decoder = new TapDecoder("openstack", "#");
        Map<String, Object> call = decoder.decode("openstack", "compute", null,
                RpcMessages.encodeCall(ECHO, "m1", "reply_q1", null, "u1"), 1_000_000L);
        assertThat(call).containsEntry("kind", "call").containsEntry("msg_id", "m1").containsEntry("topic", "compute");
        assertThat(decoder.decode("", "reply_q1", null, ReplyMessages.encodeHeartbeat("m1", "u2"), 2_000_000L))
                .as("heartbeats are not shown").isNull();
        Map<String, Object> reply = decoder.decode("", "reply_q1", null,
                ReplyMessages.encodeFailure(new Failure("ValueError", "builtins", "nope", List.of(), null, null), "m1", "u3"),
                4_500_000L);
        assertThat(reply).containsEntry("kind", "reply").containsEntry("method", "echo")
                .containsEntry("round_trip_ms", 3.5);
        assertThat(reply.get("failure")).isEqualTo(Map.of("class", "ValueError", "module", "builtins",
                "message", "nope"));
    }

    @Test
    void filtersByExchangeAndTopicPatternAndShowsFanoutCasts() {
        TapDecoder decoder = new TapDecoder("openstack", "compute.*");
        byte[] cast = RpcMessages.encodeCast(ECHO, "u1");
        assertThat(decoder.decode("other", "compute.host1", null, cast, 0)).isNull();
        assertThat(decoder.decode("openstack", "compute", null, cast, 0)).isNull();
        assertThat(decoder.decode("openstack", "compute.host1", null, cast, 0)).containsEntry("kind", "cast");
        assertThat(decoder.decode("compute.host1_fanout", "", null, cast, 0)).containsEntry("kind", "fanout")
                .containsEntry("topic", "compute.host1");
        assertThat(decoder.decode("", "reply_x", null, ReplyMessages.encodeResult(1, "unseen", "u2"), 0))
                .as("with --topic, replies to calls not shown are not shown").isNull();
    }

    @Test
    void otherDefaultExchangeTrafficIsNotShown() {
        assertThat(new TapDecoder("openstack", "#").decode("", "some_app_queue", null,
                "not json".getBytes(StandardCharsets.UTF_8), 0)).isNull();
    }

    @Test
    void aMalformedMessageIsShownNotFatal() {
        Map<String, Object> event = new TapDecoder("openstack", "#").decode("openstack", "compute", null,
                "{\"oslo.version\": \"2.0\", \"oslo.message\": 5}".getBytes(StandardCharsets.UTF_8), 0);
        assertThat(event).containsEntry("kind", "malformed").containsKey("error");
        assertThat(new TapDecoder("openstack", "#").decode("openstack", "compute", null,
                new byte[] {(byte) 0xff}, 0)).containsEntry("kind", "malformed");
    }

    @Test
    void topicPatternsMatchAsRabbitMqDoes() {
        assertThat(new TopicPattern("#").matches("a.b")).isTrue();
        assertThat(new TopicPattern("a.#").matches("a")).isTrue();
        assertThat(new TopicPattern("a.*").matches("a")).isFalse();
        assertThat(new TopicPattern("*.info").matches("notifications.info")).isTrue();
        assertThat(new TopicPattern("a.#.c").matches("a.x.y.c")).isTrue();
        assertThat(new TopicPattern("compute").matches("compute.host1")).isFalse();
    }
}
