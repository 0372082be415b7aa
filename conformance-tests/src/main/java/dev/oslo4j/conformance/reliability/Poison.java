package dev.oslo4j.conformance.reliability;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;

import com.rabbitmq.client.AMQP;

import dev.oslo4j.messaging.wire.Envelope;
import dev.oslo4j.messaging.wire.Ids;

/**
 * One kind of malformed (or merely odd) message, as a raw publisher would put it on a queue, and what a
 * consumer must make of it. The body may depend on the {@link Address} a call-shaped message asks replies to.
 *
 * @param name     what is wrong, for the report
 * @param props    AMQP properties as published
 * @param body     the body, given the reply address to embed
 * @param outcome  what the consumer must do with it
 * @param reason   a fragment the one log line about it must contain (null: nothing is logged)
 * @param failure  for {@link Outcome#FAILURE_REPLY}: the failure's class in the reply
 */
record Poison(String name, AMQP.BasicProperties props, Function<Address, byte[]> body, Outcome outcome,
              String reason, String failure) {

    /** Where a call-shaped poison message asks for its reply. */
    record Address(String replyQueue, String msgId) {
    }

    enum Outcome {
        /** Not understood at all: logged once, rejected without requeue, never answered. */
        REJECTED,
        /** A call the server cannot run: logged once, answered with an oslo failure reply. */
        FAILURE_REPLY,
        /** A cast the server cannot run: logged once, never answered. */
        CAST_REFUSED,
        /** A call that runs, but whose reply queue does not exist: the reply is given up (logged once). */
        REPLY_UNDELIVERABLE,
        /** Odd but acceptable to oslo: processed (calls answered with a result), nothing logged. */
        PROCESSED,
        /** A notification a listener cannot hand to its endpoint: logged once, acknowledged, dropped. */
        DROPPED
    }

    static final AMQP.BasicProperties JSON = new AMQP.BasicProperties.Builder()
            .contentType("application/json").contentEncoding("utf-8").build();

    @Override
    public String toString() {
        return name;
    }

    static Poison raw(String name, byte[] body, String reason) {
        return new Poison(name, JSON, a -> body, Outcome.REJECTED, reason, null);
    }

    static Poison raw(String name, String body, String reason) {
        return raw(name, utf8(body), reason);
    }

    static Poison withProps(String name, AMQP.BasicProperties props, String body, String reason) {
        return new Poison(name, props, a -> utf8(body), Outcome.REJECTED, reason, null);
    }

    /** An enveloped inner message built from the reply address. */
    static Poison inner(String name, Outcome outcome, String reason, String failure, Function<Address, String> inner) {
        return new Poison(name, JSON, a -> Envelope.wrap(inner.apply(a)), outcome, reason, failure);
    }

    /** An enveloped call: {@code fields} are added to {@code _msg_id}, {@code _reply_q} and {@code _unique_id}. */
    static Poison call(String name, String failure, String reason, String fields) {
        return inner(name, Outcome.FAILURE_REPLY, reason, failure, a -> callJson(a, fields));
    }

    static String callJson(Address a, String fields) {
        return "{\"_msg_id\": \"" + a.msgId() + "\", \"_reply_q\": \"" + a.replyQueue() + "\", \"_unique_id\": \""
                + Ids.hex32() + "\"" + (fields.isEmpty() ? "" : ", " + fields) + "}";
    }

    static String castJson(String fields) {
        return "{\"_unique_id\": \"" + Ids.hex32() + "\", " + fields + "}";
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A 2.0 envelope around arbitrary text (which may be anything but an inner message). */
    static String envelope(String version, String message) {
        return "{\"oslo.version\": " + version + ", \"oslo.message\": " + message + "}";
    }

    static byte[] fiftyMegabytes() {
        byte[] b = new byte[50 * 1024 * 1024];
        Arrays.fill(b, (byte) 'x');
        return b;
    }

    /** {@code count} context fields of about 1 KB each: oslo sets no limit, so neither may we. */
    static String hugeContext(int count) {
        StringBuilder sb = new StringBuilder();
        String value = "v".repeat(1000);
        for (int i = 0; i < count; i++) {
            sb.append(i == 0 ? "" : ", ").append("\"_context_k").append(i).append("\": \"").append(value).append('"');
        }
        return sb.toString();
    }

    static AMQP.BasicProperties compressed(String compression) {
        return new AMQP.BasicProperties.Builder().contentType("application/json")
                .headers(Map.of("compression", compression)).build();
    }
}
