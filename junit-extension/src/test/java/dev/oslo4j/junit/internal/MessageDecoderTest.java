package dev.oslo4j.junit.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.oslo4j.junit.RecordedMessage;
import dev.oslo4j.junit.RecordedNotification;
import dev.oslo4j.junit.RecordedReply;
import dev.oslo4j.junit.RecordedRequest;
import dev.oslo4j.junit.UnrecognizedMessage;
import dev.oslo4j.messaging.Priority;
import dev.oslo4j.messaging.wire.Compression;
import dev.oslo4j.messaging.wire.Failure;
import dev.oslo4j.messaging.wire.NotificationMessage;
import dev.oslo4j.messaging.wire.NotificationMessages;
import dev.oslo4j.messaging.wire.ReplyMessages;
import dev.oslo4j.messaging.wire.RpcMessages;
import dev.oslo4j.messaging.wire.RpcRequest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Recorded bytes become records through oslo4j's own wire codecs. */
class MessageDecoderTest {

    private static RecordedMessage decode(String exchange, String key, byte[] body, Map<String, Object> headers,
                                          String expiration, int routed) {
        return MessageDecoder.decode(4, new RawPublish(exchange, key, routed, headers, expiration, body, Instant.EPOCH));
    }

    private static RpcRequest request() {
        return new RpcRequest("reboot", Map.of("id", "i-1"), "ns", "1.2", Map.of("request_id", "req-1"));
    }

    @Test
    void castsCallsAndFanoutCasts() {
        RecordedRequest cast = (RecordedRequest) decode("openstack", "compute.h1",
                RpcMessages.encodeCast(request(), "u1"), Map.of(), null, 0);
        assertThat(cast.kind()).isEqualTo(RecordedRequest.Kind.CAST);
        assertThat(cast.sequence()).isEqualTo(4);
        assertThat(cast.method()).isEqualTo("reboot");
        assertThat(cast.namespace()).isEqualTo("ns");
        assertThat(cast.version()).isEqualTo("1.2");
        assertThat(cast.arg("id").asText()).isEqualTo("i-1");
        assertThat(cast.context().get("request_id").asText()).isEqualTo("req-1");
        assertThat(cast.unroutable()).isTrue();

        RecordedRequest call = (RecordedRequest) decode("openstack", "compute",
                RpcMessages.encodeCall(request(), "m1", "reply_q", null, "u2"), Map.of(), "60000", 1);
        assertThat(call.kind()).isEqualTo(RecordedRequest.Kind.CALL);
        assertThat(call.msgId()).isEqualTo("m1");
        assertThat(call.replyQueue()).isEqualTo("reply_q");
        assertThat(call.expiration()).isEqualTo("60000");
        assertThat(call.unroutable()).isFalse();

        RecordedRequest fanout = (RecordedRequest) decode("compute_fanout", "",
                RpcMessages.encodeCast(request(), "u3"), Map.of(), null, 2);
        assertThat(fanout.kind()).isEqualTo(RecordedRequest.Kind.FANOUT_CAST);
        assertThat(fanout.isCast()).isTrue();
    }

    @Test
    void repliesFailuresAndHeartbeats() {
        RecordedReply ok = (RecordedReply) decode("", "reply_q", ReplyMessages.encodeResult(List.of(1), "m1", "u"),
                Map.of(), null, 1);
        assertThat(ok.result().get(0).asInt()).isEqualTo(1);
        assertThat(ok.ending()).isTrue();
        assertThat(ok.replyQueue()).isEqualTo("reply_q");
        assertThat(ok.exchange()).isEmpty();

        Failure f = new Failure("NoValidHost", "nova.exception", "none", List.of(), null,
                JsonNodeFactory.instance.objectNode().put("k", 1));
        RecordedReply failed = (RecordedReply) decode("", "reply_q", ReplyMessages.encodeFailure(f, "m1", "u"),
                Map.of(), null, 1);
        assertThat(failed.isFailure()).isTrue();
        assertThat(MessageText.failure(failed.failure())).isEqualTo("nova.exception.NoValidHost: none {\"k\": 1}");

        RecordedReply beat = (RecordedReply) decode("", "reply_q", ReplyMessages.encodeHeartbeat("m1", "u"),
                Map.of(), null, 1);
        assertThat(beat.isHeartbeat()).isTrue();
        assertThat(MessageText.noun(beat)).isEqualTo("heartbeat");
    }

    @Test
    void notificationsV2AndV1() {
        NotificationMessage n = new NotificationMessage("id-1", "compute.h1", "compute.instance.update", "WARN",
                Map.of("a", 1), "2026-11-25 00:39:57.446468", Map.of("user_id", "u"));
        RecordedNotification v2 = (RecordedNotification) decode("nova", "notifications.warn",
                NotificationMessages.encode(n, "u1", true), Map.of(), null, 1);
        assertThat(v2.priority()).isEqualTo(Priority.WARN);
        assertThat(v2.topic()).isEqualTo("notifications");
        assertThat(v2.enveloped()).isTrue();
        assertThat(v2.eventType()).isEqualTo("compute.instance.update");
        assertThat(v2.publisherId()).isEqualTo("compute.h1");
        assertThat(v2.timestamp()).isEqualTo("2026-11-25 00:39:57.446468");
        assertThat(v2.messageId()).isEqualTo("id-1");
        assertThat(v2.context().get("user_id").asText()).isEqualTo("u");

        RecordedNotification v1 = (RecordedNotification) decode("nova", "notifications.warn",
                NotificationMessages.encode(n, "u1", false), Map.of(), null, 1);
        assertThat(v1.enveloped()).isFalse();
        assertThat(v1.payload().get("a").asInt()).isEqualTo(1);

        NotificationMessage odd = new NotificationMessage("id-2", null, "x", "WARNING", Map.of(), "t", Map.of());
        RecordedNotification unknown = (RecordedNotification) decode("nova", "notifications.warning",
                NotificationMessages.encode(odd, "u2", true), Map.of(), null, 1);
        assertThat(unknown.priority()).as("Python does not know 'warning' either").isNull();
        assertThat(unknown.priorityText()).isEqualTo("WARNING");
        assertThat(unknown.topic()).isEqualTo("notifications.warning");
    }

    @Test
    void compressedBodiesAreDecompressedFirst() {
        byte[] body = Compression.compress(Compression.GZIP, RpcMessages.encodeCast(request(), "u1"));
        RecordedRequest cast = (RecordedRequest) decode("openstack", "compute", body,
                Map.of(Compression.HEADER, Compression.GZIP), null, 1);
        assertThat(cast.method()).isEqualTo("reboot");
        assertThat(cast.body()).startsWith("{\"oslo.version\": \"2.0\"");
    }

    @Test
    void anythingElseIsUnrecognizedWithTheReason() {
        UnrecognizedMessage bad = (UnrecognizedMessage) decode("x", "y",
                "{\"oslo.version\": \"3.0\", \"oslo.message\": \"{}\"}".getBytes(StandardCharsets.UTF_8),
                Map.of(), null, 1);
        assertThat(bad.reason()).contains("unsupported envelope version '3.0'");
        UnrecognizedMessage badZip = (UnrecognizedMessage) decode("x", "y", new byte[] {1, 2, 3},
                Map.of(Compression.HEADER, Compression.GZIP), null, 1);
        assertThat(badZip.reason()).isNotBlank();
        assertThat(MessageText.noun(badZip)).isEqualTo("unrecognized message");
    }
}
