package dev.oslo4j.messaging.wire;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationMessagesTest {

    private static NotificationMessage fromSample(JsonNode inner) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("key", "value");
        payload.put("n", 1);
        return new NotificationMessage(inner.get("message_id").textValue(), inner.get("publisher_id").textValue(),
                inner.get("event_type").textValue(), inner.get("priority").textValue(), payload,
                inner.get("timestamp").textValue(), RpcMessagesTest.peerContext());
    }

    @Test
    void v2IsByteForByte() {
        for (String name : List.of("notification_v2_info", "notification_v2_warn")) {
            JsonNode sample = Samples.message(name);
            JsonNode inner = sample.get("oslo_message_json");
            byte[] body = NotificationMessages.encode(fromSample(inner), inner.get("_unique_id").textValue(), true);
            assertThat(new String(body, StandardCharsets.UTF_8)).as(name).isEqualTo(Samples.bodyText(sample));
        }
    }

    @Test
    void v1IsByteForByte() {
        JsonNode sample = Samples.message("notification_v1_info");
        JsonNode inner = sample.get("body_json");
        byte[] body = NotificationMessages.encode(fromSample(inner), inner.get("_unique_id").textValue(), false);
        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(Samples.bodyText(sample));
    }

    @Test
    void decodesBothFormats() throws Exception {
        for (String name : List.of("notification_v1_info", "notification_v2_warn")) {
            ReceivedNotification n = NotificationMessages.decode(Envelope.unwrap(Samples.body(Samples.message(name))));
            assertThat(n.publisherId()).isEqualTo("peer.wire.publisher");
            assertThat(n.eventType()).isEqualTo("peer.wire.sample");
            assertThat(n.payload().get("n").intValue()).isEqualTo(1);
            assertThat(n.context().get("user_id").textValue()).isEqualTo("peer-user");
            assertThat(n.uniqueId()).hasSize(32);
        }
    }

    @Test
    void timestampsLookLikePythonStrOfUtcnow() {
        assertThat(Timestamps.format(Instant.parse("2026-11-25T00:39:57.446468Z"))).isEqualTo("2026-11-25 00:39:57.446468");
        assertThat(Timestamps.format(Instant.parse("2026-11-25T00:39:57Z"))).isEqualTo("2026-11-25 00:39:57");
        assertThat(Timestamps.format(Instant.parse("2026-11-25T00:39:57.000001Z"))).isEqualTo("2026-11-25 00:39:57.000001");
        assertThat(Timestamps.format(Instant.parse("2026-11-25T00:39:57.120000999Z"))).isEqualTo("2026-11-25 00:39:57.120000");
        assertThat(Timestamps.now()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?");
        assertThat(Timestamps.parse("2026-11-25 00:39:57.4")).isEqualTo(Instant.parse("2026-11-25T00:39:57.400Z"));
        assertThat(Timestamps.parse("2026-11-25 00:39:57")).isEqualTo(Instant.parse("2026-11-25T00:39:57Z"));
    }

    @Test
    void idsHaveOslosShapes() {
        assertThat(Ids.hex32()).matches("[0-9a-f]{32}");
        assertThat(Ids.uuid36()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(java.util.UUID.fromString(Ids.uuid36()).version()).isEqualTo(4);
        assertThat(Ids.hex32()).isNotEqualTo(Ids.hex32());
    }
}
