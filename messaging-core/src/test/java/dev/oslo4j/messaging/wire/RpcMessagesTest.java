package dev.oslo4j.messaging.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RpcMessagesTest {

    /** The context the Python peers sent in every capture, in their key order. */
    static Map<String, Object> peerContext() {
        Map<String, Object> ctx = new LinkedHashMap<>();
        ctx.put("user_id", "peer-user");
        ctx.put("project_id", "peer-project");
        ctx.put("request_id", "req-00000000-1111-2222-3333-444444444444");
        ctx.put("roles", List.of("member"));
        ctx.put("is_admin", false);
        return ctx;
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void callRequestIsByteForByteWhatPythonSends() {
        JsonNode sample = Samples.message("rpc_call_request");
        JsonNode inner = sample.get("oslo_message_json");
        Map<String, Object> arg = new LinkedHashMap<>();
        arg.put("hello", "world");
        arg.put("n", 1);
        byte[] body = RpcMessages.encodeCall(new RpcRequest("echo", Map.of("arg", arg), null, null, peerContext()),
                inner.get("_msg_id").textValue(), inner.get("_reply_q").textValue(), null,
                inner.get("_unique_id").textValue());
        assertThat(text(body)).isEqualTo(Samples.bodyText(sample));
    }

    @Test
    void namespacedVersionedServerCallIsByteForByte() {
        JsonNode sample = Samples.message("rpc_call_request_server_ns_version");
        JsonNode inner = sample.get("oslo_message_json");
        byte[] body = RpcMessages.encodeCall(new RpcRequest("whoami", Map.of(), "ns2", "2.3", peerContext()),
                inner.get("_msg_id").textValue(), inner.get("_reply_q").textValue(), null,
                inner.get("_unique_id").textValue());
        assertThat(text(body)).isEqualTo(Samples.bodyText(sample));
    }

    @Test
    void callMonitorTimeoutTravelsAsTimeout() {
        JsonNode sample = Samples.message("rpc_call_request_call_monitor");
        JsonNode inner = sample.get("oslo_message_json");
        byte[] body = RpcMessages.encodeCall(new RpcRequest("sleep", Map.of("seconds", 2.5), null, null, peerContext()),
                inner.get("_msg_id").textValue(), inner.get("_reply_q").textValue(), 2,
                inner.get("_unique_id").textValue());
        assertThat(text(body)).isEqualTo(Samples.bodyText(sample));
    }

    @Test
    void nonAsciiIsEscapedLikePython() {
        JsonNode sample = Samples.message("rpc_call_request_unicode");
        JsonNode inner = sample.get("oslo_message_json");
        byte[] body = RpcMessages.encodeCall(
                new RpcRequest("echo", Map.of("arg", "w\u00f6rld \u20ac \uD83D\uDE00"), null, null, peerContext()),
                inner.get("_msg_id").textValue(), inner.get("_reply_q").textValue(), null,
                inner.get("_unique_id").textValue());
        assertThat(text(body)).isEqualTo(Samples.bodyText(sample));
    }

    @Test
    void castAndFanoutCastAreByteForByte() {
        for (String name : List.of("rpc_cast", "rpc_fanout_cast")) {
            JsonNode sample = Samples.message(name);
            JsonNode inner = sample.get("oslo_message_json");
            Map<String, Object> args = Json.mapper().convertValue(inner.get("args"), LinkedHashMap.class);
            byte[] body = RpcMessages.encodeCast(new RpcRequest("record", args, null, null, peerContext()),
                    inner.get("_unique_id").textValue());
            assertThat(text(body)).as(name).isEqualTo(Samples.bodyText(sample));
        }
    }

    @Test
    void decodesCapturedRequest() throws Exception {
        JsonNode sample = Samples.message("rpc_call_request_server_ns_version");
        ReceivedRequest r = RpcMessages.decode(Envelope.unwrap(Samples.body(sample)));
        assertThat(r.methodName()).isEqualTo("whoami");
        assertThat(r.namespace().textValue()).isEqualTo("ns2");
        assertThat(r.version().textValue()).isEqualTo("2.3");
        assertThat(r.isCall()).isTrue();
        assertThat(r.replyQueue()).isEqualTo("reply_d7fbccf246484846809e8601a84e41da");
        assertThat(r.timeout()).isNull();
        assertThat(r.context().get("roles").get(0).textValue()).isEqualTo("member");
        assertThat(r.context().get("is_admin").booleanValue()).isFalse();
        assertThat(r.context().has("_context_user_id")).isFalse();
    }

    @Test
    void castHasNoReplyAddress() throws Exception {
        ReceivedRequest r = RpcMessages.decode(Envelope.unwrap(Samples.body(Samples.message("rpc_cast"))));
        assertThat(r.isCall()).isFalse();
        assertThat(r.msgId()).isNull();
        assertThat(r.uniqueId()).isEqualTo("f13cdea5545042d6a88fc23b54ae8f22");
    }

    @Test
    void nonObjectMessageIsMalformed() {
        assertThatThrownBy(() -> RpcMessages.decode(Json.parse("[1, 2]")))
                .isInstanceOf(MalformedMessage.class).hasMessageContaining("not a JSON object");
    }

    @Test
    void lenientFieldsAreLeftToTheDispatcher() throws Exception {
        ReceivedRequest r = RpcMessages.decode(Json.parse("{\"method\": 5, \"args\": [1], \"_msg_id\": \"m\", \"_reply_q\": \"q\"}"));
        assertThat(r.methodName()).isNull();
        assertThat(r.args().isArray()).isTrue();
        assertThat(r.isCall()).isTrue();
    }

    @Test
    void contextValuesOfAnyJsonTypeRoundTrip() throws Exception {
        Map<String, Object> ctx = new LinkedHashMap<>();
        ctx.put("nested", Map.of("a", List.of(1, 2)));
        ctx.put("nothing", null);
        byte[] body = RpcMessages.encodeCast(new RpcRequest("m", Map.of(), null, null, ctx), "u");
        ObjectNode back = RpcMessages.decode(Envelope.unwrap(body)).context();
        assertThat(back.get("nested").get("a").get(1).intValue()).isEqualTo(2);
        assertThat(back.get("nothing").isNull()).isTrue();
    }
}
