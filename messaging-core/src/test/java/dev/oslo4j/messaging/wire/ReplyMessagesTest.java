package dev.oslo4j.messaging.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyMessagesTest {

    @Test
    void successReplyIsByteForByte() throws Exception {
        JsonNode sample = Samples.message("rpc_reply_success");
        JsonNode inner = sample.get("oslo_message_json");
        byte[] body = ReplyMessages.encodeResult(inner.get("result"), inner.get("_msg_id").textValue(),
                inner.get("_unique_id").textValue());
        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(Samples.bodyText(sample));
    }

    @Test
    void noneResultIsByteForByte() {
        JsonNode sample = Samples.message("rpc_reply_success_none");
        JsonNode inner = sample.get("oslo_message_json");
        byte[] body = ReplyMessages.encodeResult(null, inner.get("_msg_id").textValue(),
                inner.get("_unique_id").textValue());
        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(Samples.bodyText(sample));
    }

    @Test
    void heartbeatsAndFinalReplyOfCallMonitorAreByteForByte() throws Exception {
        JsonNode messages = Samples.load("rpc_reply_call_monitor").get("messages");
        for (JsonNode m : messages) {
            JsonNode inner = m.get("oslo_message_json");
            byte[] body = inner.get("ending").booleanValue()
                    ? ReplyMessages.encodeResult(2.5, inner.get("_msg_id").textValue(), inner.get("_unique_id").textValue())
                    : ReplyMessages.encodeHeartbeat(inner.get("_msg_id").textValue(), inner.get("_unique_id").textValue());
            assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(Samples.bodyText(m));
            ReceivedReply r = ReplyMessages.decode(Envelope.unwrap(Samples.body(m)));
            assertThat(r.isHeartbeat()).isEqualTo(!inner.get("ending").booleanValue());
        }
    }

    @Test
    void failureReplyIsByteForByte() throws Exception {
        for (String name : List.of("rpc_reply_failure", "rpc_reply_failure_nosuchmethod")) {
            JsonNode sample = Samples.message(name);
            JsonNode inner = sample.get("oslo_message_json");
            Failure f = Failure.parse(inner.get("failure").textValue());
            byte[] body = ReplyMessages.encodeFailure(f, inner.get("_msg_id").textValue(),
                    inner.get("_unique_id").textValue());
            assertThat(new String(body, StandardCharsets.UTF_8)).as(name).isEqualTo(Samples.bodyText(sample));
        }
    }

    @Test
    void decodesCapturedFailure() throws Exception {
        ReceivedReply r = ReplyMessages.decode(Envelope.unwrap(Samples.body(Samples.message("rpc_reply_failure"))));
        assertThat(r.ending()).isTrue();
        assertThat(r.hasFailureKey()).isTrue();
        assertThat(r.failure().exceptionClass()).isEqualTo("ValueError");
        assertThat(r.failure().module()).isEqualTo("builtins");
        assertThat(r.failure().message()).isEqualTo("peer wire failure sample");
        assertThat(r.failure().traceback()).hasSize(6).first().asString().startsWith("Traceback");
        assertThat(r.failure().args().get(0).textValue()).isEqualTo("peer wire failure sample");
    }

    @Test
    void replyWithoutFailureKeyIsFlagged() throws Exception {
        ReceivedReply r = ReplyMessages.decode(Json.parse("{\"result\": 1, \"ending\": true, \"_msg_id\": \"m\"}"));
        assertThat(r.hasFailureKey()).isFalse();
    }

    @Test
    void remoteSuffixIsStrippedOnSend() {
        Failure f = new Failure("KeyError_Remote", "builtins_Remote", "k", new ArrayList<>(), null,
                JsonNodeFactory.instance.objectNode());
        assertThat(f.exceptionClass()).isEqualTo("KeyError");
        assertThat(f.module()).isEqualTo("builtins");
        assertThat(f.toJson()).isEqualTo("{\"class\": \"KeyError\", \"module\": \"builtins\", \"message\": \"k\","
                + " \"tb\": [], \"args\": [], \"kwargs\": {}}");
    }

    @Test
    void unparsableFailureKeepsItsText() {
        Failure f = Failure.parse("not json");
        assertThat(f.exceptionClass()).isEqualTo("UnparsableFailure");
        assertThat(f.message()).isEqualTo("not json");
    }
}
