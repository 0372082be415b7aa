package dev.oslo4j.conformance.reliability;

import static dev.oslo4j.conformance.reliability.Poison.call;
import static dev.oslo4j.conformance.reliability.Poison.castJson;
import static dev.oslo4j.conformance.reliability.Poison.envelope;
import static dev.oslo4j.conformance.reliability.Poison.inner;
import static dev.oslo4j.conformance.reliability.Poison.raw;
import static dev.oslo4j.conformance.reliability.Poison.withProps;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.rabbitmq.client.AMQP;

import dev.oslo4j.conformance.reliability.Poison.Outcome;
import dev.oslo4j.messaging.wire.Ids;

/**
 * The malformed messages of issue 7 §4, one row per kind: those no consumer can decode (for servers and listeners
 * alike), then the ones only an RPC server or only a notification listener can tell apart.
 */
final class PoisonTable {

    private PoisonTable() {
    }

    /** Bodies and properties that fail before any RPC or notification field is read. */
    static List<Poison> undecodable() {
        List<Poison> rows = new ArrayList<>();
        rows.add(raw("not JSON", "this is not json", "not valid JSON"));
        rows.add(raw("empty body", new byte[0], "body is empty"));
        rows.add(raw("JSON array", "[1, 2, 3]", "not a JSON object but array"));
        rows.add(raw("JSON number", "42", "not a JSON object but number"));
        rows.add(raw("JSON string", "\"just a string\"", "not a JSON object but string"));
        rows.add(raw("JSON null", "null", "not a JSON object but null"));
        rows.add(raw("envelope version 2.1", envelope("\"2.1\"", "\"{}\""), "unsupported envelope version '2.1'"));
        rows.add(raw("envelope version 3.0", envelope("\"3.0\"", "\"{}\""), "unsupported envelope version '3.0'"));
        rows.add(raw("envelope version not a string", envelope("2", "\"{}\""), "'oslo.version' is not a string"));
        rows.add(raw("envelope version not numeric", envelope("\"abc\"", "\"{}\""), "envelope version is invalid"));
        rows.add(raw("oslo.message an object", envelope("\"2.0\"", "{\"method\": \"echo\"}"),
                "'oslo.message' is not a string"));
        rows.add(raw("oslo.message not JSON", envelope("\"2.0\"", "\"{broken\""), "'oslo.message' is not valid JSON"));
        rows.add(raw("oslo.message a JSON array", envelope("\"2.0\"", "\"[1]\""), "not a JSON object but array"));
        rows.add(raw("invalid UTF-8", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
                "not valid UTF-8: byte 0xc3 at offset 6"));
        rows.add(raw("Latin-1 body", "{\"method\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1),
                "not valid UTF-8: byte 0xe9 at offset 15"));
        rows.add(raw("UTF-16 body", "{\"method\": \"echo\"}".getBytes(StandardCharsets.UTF_16LE), "UTF-16"));
        rows.add(raw("UTF-8 byte order mark", "\uFEFF{\"method\": \"echo\"}".getBytes(StandardCharsets.UTF_8),
                "byte order mark"));
        rows.add(raw("50 MB body", Poison.fiftyMegabytes(), "not valid JSON"));
        rows.add(withProps("no content type", new AMQP.BasicProperties.Builder().build(),
                "{\"method\": \"echo\"}", "no content_type"));
        rows.add(withProps("content type text/plain", new AMQP.BasicProperties.Builder().contentType("text/plain").build(),
                "{\"method\": \"echo\"}", "unsupported content_type 'text/plain'"));
        rows.add(withProps("compression header on an uncompressed body", Poison.compressed("application/x-gzip"),
                "{\"method\": \"echo\"}", "not zlib data"));
        rows.add(withProps("unknown compression", Poison.compressed("application/x-rar"),
                "{\"method\": \"echo\"}", "unsupported compression 'application/x-rar'"));
        return rows;
    }

    /** Well-formed envelopes an RPC server receives but cannot (or need not) run as asked. */
    static List<Poison> rpcOnly() {
        List<Poison> rows = new ArrayList<>();
        rows.add(call("call without method", "TypeError", "no method name", "\"args\": {}"));
        rows.add(call("method not a string", "TypeError", "no method name", "\"method\": 42, \"args\": {}"));
        rows.add(call("args not an object", "TypeError", "must be a mapping", "\"method\": \"echo\", \"args\": [1]"));
        rows.add(call("unknown namespace", "UnsupportedVersion", "UnsupportedVersion",
                "\"method\": \"echo\", \"namespace\": \"nope\", \"args\": {\"v\": 1}"));
        rows.add(call("version \"abc\"", "ValueError", "abc", "\"method\": \"echo\", \"version\": \"abc\""));
        rows.add(call("version \"1.x\"", "ValueError", "1.x", "\"method\": \"echo\", \"version\": \"1.x\""));
        rows.add(call("version a number", "ValueError", "must be a string", "\"method\": \"echo\", \"version\": 1.0"));
        rows.add(call("newer version 1.5", "UnsupportedVersion", "UnsupportedVersion",
                "\"method\": \"echo\", \"version\": \"1.5\", \"args\": {\"v\": \"x\"}"));
        rows.add(call("wrong argument names", "TypeError", "echo",
                "\"method\": \"echo\", \"args\": {\"value\": \"x\"}"));
        rows.add(call("extra argument", "TypeError", "echo",
                "\"method\": \"echo\", \"args\": {\"v\": \"x\", \"w\": 2}"));
        rows.add(call("wrong argument type", "TypeError", "echo",
                "\"method\": \"echo\", \"args\": {\"v\": {\"not\": \"a string\"}}"));
        rows.add(call("no such method", "NoSuchMethod", "nosuch", "\"method\": \"nosuch\", \"args\": {}"));
        rows.add(call("private method", "NoSuchMethod", "_secret", "\"method\": \"_secret\", \"args\": {}"));
        rows.add(inner("cast with wrong argument names", Outcome.CAST_REFUSED, "rejected a cast", null,
                a -> castJson("\"method\": \"echo\", \"args\": {\"value\": 1}")));
        rows.add(inner("_msg_id without _reply_q", Outcome.CAST_REFUSED, "nosuch", null,
                a -> castJson("\"_msg_id\": \"" + a.msgId() + "\", \"method\": \"nosuch\", \"args\": {}")));
        rows.add(inner("_reply_q pointing to no queue", Outcome.REPLY_UNDELIVERABLE, "did not exist", null,
                a -> Poison.callJson(new Poison.Address("oslo4j-nowhere-" + Ids.hex32(), a.msgId()),
                        "\"method\": \"echo\", \"args\": {\"v\": \"lost\"}")));
        rows.add(inner("huge context (1000 fields, 1 MB)", Outcome.PROCESSED, null, null,
                a -> Poison.callJson(a, "\"method\": \"echo\", \"args\": {\"v\": \"big\"}, " + Poison.hugeContext(1000))));
        rows.add(inner("context values of odd types", Outcome.PROCESSED, null, null,
                a -> Poison.callJson(a, "\"method\": \"echo\", \"args\": {\"v\": \"odd\"}, \"_context_roles\": 42, "
                        + "\"_context_user\": {\"nested\": [1, null]}, \"_context_\": true")));
        rows.add(inner("_timeout not a number", Outcome.PROCESSED, null, null,
                a -> Poison.callJson(a, "\"method\": \"echo\", \"args\": {\"v\": \"t\"}, \"_timeout\": \"soon\"")));
        return rows;
    }

    /** Enveloped notifications a listener receives but cannot hand to its endpoint as they are. */
    static List<Poison> notificationOnly() {
        List<Poison> rows = new ArrayList<>();
        rows.add(notification("missing priority", Outcome.DROPPED, "Unknown priority \"null\"",
                "\"event_type\": \"poison.test\", \"payload\": {\"marker\": \"x\"}"));
        rows.add(notification("unknown priority", Outcome.DROPPED, "Unknown priority \"LOUD\"",
                "\"priority\": \"LOUD\", \"event_type\": \"poison.test\", \"payload\": {\"marker\": \"x\"}"));
        rows.add(notification("priority not a string", Outcome.DROPPED, "Unknown priority",
                "\"priority\": 7, \"event_type\": \"poison.test\", \"payload\": {\"marker\": \"x\"}"));
        rows.add(notification("payload of the wrong type", Outcome.DROPPED, "skipped by endpoint",
                "\"priority\": \"INFO\", \"event_type\": \"poison.test\", \"payload\": [\"not\", \"an\", \"object\"]"));
        rows.add(notification("payload field of the wrong type", Outcome.DROPPED, "skipped by endpoint",
                "\"priority\": \"INFO\", \"event_type\": \"poison.test\", \"payload\": {\"marker\": {\"n\": 1}}"));
        // oslo hands these to the endpoint as they are (event_type None, context as sent); so do we
        rows.add(notification("missing event_type", Outcome.PROCESSED, null,
                "\"priority\": \"INFO\", \"payload\": {\"marker\": \"no-event-type\"}"));
        rows.add(notification("huge context (1000 fields, 1 MB)", Outcome.PROCESSED, null,
                "\"priority\": \"INFO\", \"event_type\": \"poison.test\", \"payload\": {\"marker\": \"big\"}, "
                        + Poison.hugeContext(1000)));
        rows.add(notification("call-shaped notification (_msg_id, _reply_q)", Outcome.PROCESSED, null,
                "\"priority\": \"INFO\", \"event_type\": \"poison.test\", \"payload\": {\"marker\": \"call-shaped\"}, "
                        + "\"_msg_id\": \"" + Ids.hex32() + "\", \"_reply_q\": \"oslo4j-nowhere\""));
        return rows;
    }

    private static Poison notification(String name, Outcome outcome, String reason, String fields) {
        return inner(name, outcome, reason, null, a -> "{\"message_id\": \"" + Ids.uuid36()
                + "\", \"publisher_id\": \"poison\", \"timestamp\": \"2024-01-01 00:00:00.000000\", "
                + "\"_unique_id\": \"" + Ids.hex32() + "\", " + fields + "}");
    }
}
