package dev.oslo4j.messaging.notify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oslo4j.messaging.Priority;
import dev.oslo4j.messaging.driver.CallOptions;
import dev.oslo4j.messaging.driver.CallResult;
import dev.oslo4j.messaging.driver.Driver;
import dev.oslo4j.messaging.driver.Listener;
import dev.oslo4j.messaging.driver.NotificationAddress;
import dev.oslo4j.messaging.driver.NotificationHandler;
import dev.oslo4j.messaging.driver.RpcAddress;
import dev.oslo4j.messaging.driver.RpcHandler;
import dev.oslo4j.messaging.wire.Json;
import dev.oslo4j.messaging.wire.NotificationMessage;
import dev.oslo4j.messaging.wire.NotificationMessages;
import dev.oslo4j.messaging.wire.RpcRequest;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The notifier's messages against the notifications Python 14.0.3 sent ({@code wire-samples/}). */
class MessagingNotifierDriverTest {

    /** Records what reaches the driver SPI. */
    static final class CapturingDriver implements Driver {
        record Sent(NotificationAddress address, NotificationMessage message, boolean enveloped, int retry) {
        }

        final List<Sent> sent = new ArrayList<>();

        @Override
        public CompletableFuture<Void> notify(NotificationAddress address, NotificationMessage message,
                                              boolean enveloped, int retry) {
            sent.add(new Sent(address, message, enveloped, retry));
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> cast(RpcAddress target, RpcRequest request, int retry) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<CallResult> call(RpcAddress target, RpcRequest request, CallOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Listener listenForRpc(RpcAddress target, RpcHandler handler) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Listener listenForNotifications(List<NotificationAddress> addresses, String pool, int prefetch,
                                               NotificationHandler handler) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String controlExchange() {
            return "openstack";
        }

        @Override
        public void close() {
        }
    }

    private static JsonNode sample(String name) throws Exception {
        try (InputStream in = MessagingNotifierDriverTest.class.getResourceAsStream("/wire-samples/" + name)) {
            return Json.mapper().readTree(in);
        }
    }

    /** The sample's context as the caller would pass it, with non-whitelisted keys the notifier must drop. */
    private static Map<String, Object> callerContext() {
        Map<String, Object> ctx = new LinkedHashMap<>();
        ctx.put("user_id", "peer-user");
        ctx.put("auth_token", "must-not-travel");
        ctx.put("project_id", "peer-project");
        ctx.put("request_id", "req-00000000-1111-2222-3333-444444444444");
        ctx.put("roles", List.of("member"));
        ctx.put("is_admin", false);
        ctx.put("tenant", "legacy");
        return ctx;
    }

    private static void assertSameBytesAsPython(String sampleName, boolean enveloped, Priority priority)
            throws Exception {
        JsonNode s = sample(sampleName);
        JsonNode inner = enveloped ? Json.parse(s.get("body_json").get("oslo.message").textValue()) : s.get("body_json");
        CapturingDriver d = new CapturingDriver();
        MessagingNotifierDriver driver = new MessagingNotifierDriver(enveloped ? "messagingv2" : "messaging", d, null,
                List.of("peer_wire_notif"), enveloped);
        NotificationMessage m = new NotificationMessage(inner.get("message_id").textValue(),
                inner.get("publisher_id").textValue(), inner.get("event_type").textValue(), priority.wireName(),
                orderedPayload(),
                inner.get("timestamp").textValue(), ContextSanitizer.sanitize(callerContext()));
        driver.notify(m, priority, -1).join();

        assertThat(d.sent).hasSize(1);
        CapturingDriver.Sent sent = d.sent.get(0);
        assertThat(sent.address().exchange()).isNull(); // the control exchange, as Python
        assertThat(sent.address().routingKey()).isEqualTo(s.get("routing_key").textValue());
        assertThat(sent.enveloped()).isEqualTo(enveloped);
        byte[] body = NotificationMessages.encode(sent.message(), inner.get("_unique_id").textValue(), enveloped);
        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(s.get("body_raw").textValue());
    }

    private static Map<String, Object> orderedPayload() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("key", "value");
        p.put("n", 1);
        return p;
    }

    @Test
    void messagingv2InfoIsByteForBytePythons() throws Exception {
        assertSameBytesAsPython("notification_v2_info.json", true, Priority.INFO);
    }

    @Test
    void messagingv2WarnIsByteForBytePythons() throws Exception {
        assertSameBytesAsPython("notification_v2_warn.json", true, Priority.WARN);
    }

    @Test
    void messagingV1IsByteForBytePythons() throws Exception {
        assertSameBytesAsPython("notification_v1_info.json", false, Priority.INFO);
    }

    @Test
    void oneSendPerTopicWithTheGivenExchangeAndRetry() {
        CapturingDriver d = new CapturingDriver();
        new MessagingNotifierDriver("messagingv2", d, "nova", List.of("notifications", "billing"), true)
                .notify(NotificationMessage.create("p", "e", "ERROR", null, Map.of()), Priority.ERROR, 3).join();
        assertThat(d.sent).extracting(x -> x.address().exchange() + "/" + x.address().routingKey() + "/" + x.retry())
                .containsExactly("nova/notifications.error/3", "nova/billing.error/3");
    }
}
