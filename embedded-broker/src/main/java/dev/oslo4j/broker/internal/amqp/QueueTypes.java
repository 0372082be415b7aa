package dev.oslo4j.broker.internal.amqp;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What RabbitMQ 3.10 allows per {@code x-queue-type}: the arguments a quorum or stream queue refuses
 * ({@code invalid arg 'x-…' … of queue type rabbit_stream_queue}), the flags it refuses, server-named
 * queues (refused for both), and the {@code x-max-age} retention of streams ({@code "1800s"}, units
 * {@code Y M D h m s}). Probed against RabbitMQ 3.10.8.
 */
final class QueueTypes {

    static final String CLASSIC = "classic";
    static final String QUORUM = "quorum";
    static final String STREAM = "stream";

    private static final Set<String> QUORUM_REFUSES = Set.of("x-max-priority", "x-queue-mode", "x-max-age",
            "x-stream-max-segment-size-bytes");
    private static final Set<String> STREAM_REFUSES = Set.of("x-expires", "x-message-ttl", "x-max-length",
            "x-max-priority", "x-overflow", "x-queue-mode", "x-single-active-consumer", "x-dead-letter-exchange",
            "x-dead-letter-routing-key", "x-dead-letter-strategy", "x-delivery-limit", "x-max-in-memory-length",
            "x-max-in-memory-bytes", "x-quorum-initial-group-size");
    private static final Pattern DURATION = Pattern.compile("([0-9]+)([YMDhms])");

    private QueueTypes() {
    }

    /** The queue type as RabbitMQ names it in errors ({@code rabbit_stream_queue}). */
    static String moduleName(String type) {
        return "rabbit_" + type + "_queue";
    }

    /** The first argument the queue type refuses, or null. */
    static String refusedArgument(String type, Map<String, Object> wire) {
        Set<String> refused = QUORUM.equals(type) ? QUORUM_REFUSES : STREAM.equals(type) ? STREAM_REFUSES : Set.of();
        for (String key : wire.keySet()) {
            if (refused.contains(key)) {
                return key;
            }
        }
        return null;
    }

    /** The flag a replicated (quorum or stream) queue refuses, in RabbitMQ's words, or null. */
    static String refusedProperty(String type, boolean durable, boolean exclusive, boolean autoDelete) {
        if (!QUORUM.equals(type) && !STREAM.equals(type)) {
            return null;
        }
        return !durable ? "non-durable" : exclusive ? "exclusive-owner" : autoDelete ? "auto-delete" : null;
    }

    static boolean refusesServerNamed(String type) {
        return QUORUM.equals(type) || STREAM.equals(type);
    }

    /**
     * A RabbitMQ duration such as {@code "1800s"} or {@code "7D"} in milliseconds (a month is 30 days and a
     * year 365, as RabbitMQ counts them), or -1 when the text is not one or is not positive.
     */
    static long durationMillis(String text) {
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            return -1;
        }
        long n;
        try {
            n = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return -1;
        }
        long unit = switch (m.group(2)) {
            case "Y" -> 365L * 86_400_000L;
            case "M" -> 30L * 86_400_000L;
            case "D" -> 86_400_000L;
            case "h" -> 3_600_000L;
            case "m" -> 60_000L;
            default -> 1_000L;
        };
        if (n <= 0) {
            return -1;
        }
        try {
            return Math.multiplyExact(n, unit);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** The declared {@code x-queue-type} of a queue's recorded arguments; classic when absent. */
    static String typeOf(Map<String, Object> declaredArguments) {
        Object type = declaredArguments == null ? null : declaredArguments.get("x-queue-type");
        if (type instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return type == null ? CLASSIC : type.toString();
    }
}
