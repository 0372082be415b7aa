package dev.oslo4j.broker.internal.amqp;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * RabbitMQ's {@code queue.declare} arguments, translated into Broker-J queue attributes.
 *
 * <p>Every argument RabbitMQ understands is validated as RabbitMQ does (a bad value is a 406 on the
 * channel) and either mapped ({@code x-message-ttl → maximumMessageTtl}, …), handled by oslo4j itself
 * ({@code x-expires}), or accepted without effect where Broker-J has nothing alike ({@code x-queue-type},
 * {@code x-ha-policy}, …). Anything else is ignored, as RabbitMQ ignores unknown arguments; Broker-J never
 * sees a key it would interpret on its own.
 */
final class QueueArguments {

    /** The arguments RabbitMQ 3.10 compares when a queue is redeclared. */
    static final Set<String> EQUIVALENCE_KEYS = Set.of(
            "x-expires", "x-message-ttl", "x-dead-letter-exchange", "x-dead-letter-routing-key", "x-max-length",
            "x-max-length-bytes", "x-max-in-memory-length", "x-max-in-memory-bytes", "x-max-priority",
            "x-overflow", "x-queue-mode", "x-single-active-consumer", "x-queue-type",
            "x-quorum-initial-group-size", "x-delivery-limit", "x-dead-letter-strategy",
            "x-queue-master-locator", "x-queue-leader-locator", "x-initial-cluster-size", "x-max-age",
            "x-stream-max-segment-size-bytes");

    private static final List<String> OVERFLOW = List.of("drop-head", "reject-publish", "reject-publish-dlx");
    private static final List<String> QUEUE_TYPES = List.of("classic", "quorum", "stream");
    /** Broker-J's priority queues support at most 10 levels. */
    private static final int MAX_PRIORITY_LEVELS = 10;

    /**
     * @param brokerJ    the attributes for Broker-J (as wire keys its converter understands)
     * @param declared   the arguments that take part in RabbitMQ's equivalence check, as sent
     * @param error      a RabbitMQ 406 text when an argument is invalid, else null
     */
    record Translation(Map<String, Object> brokerJ, Map<String, Object> declared, String error) {
    }

    private QueueArguments() {
    }

    static Translation translate(String queue, String vhost, Map<String, Object> wire, boolean durable,
                                 boolean exclusive, boolean autoDelete, QueueArgumentTarget target) {
        Map<String, Object> brokerJ = new HashMap<>();
        Map<String, Object> declared = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : wire.entrySet()) {
            if (EQUIVALENCE_KEYS.contains(e.getKey())) {
                declared.put(e.getKey(), e.getValue());
            }
        }
        try {
            Long ttl = nonNegativeInteger(wire, "x-message-ttl");
            if (ttl != null) {
                // Broker-J reads 0 as "no limit"; RabbitMQ's 0 means "expire unless delivered at once".
                brokerJ.put("maximumMessageTtl", Math.max(ttl, 1L));
            }
            Long expires = integer(wire, "x-expires");
            if (expires != null && expires <= 0) {
                throw new InvalidArgument("x-expires", "{value_zero," + expires + "}");
            }
            Long maxLength = nonNegativeInteger(wire, "x-max-length");
            Long maxBytes = nonNegativeInteger(wire, "x-max-length-bytes");
            String overflow = oneOf(wire, "x-overflow", OVERFLOW);
            if (maxLength != null) {
                brokerJ.put("maximumQueueDepthMessages", maxLength);
            }
            if (maxBytes != null) {
                brokerJ.put("maximumQueueDepthBytes", maxBytes);
            }
            if (maxLength != null || maxBytes != null) {
                brokerJ.put("overflowPolicy", overflow == null || overflow.equals("drop-head") ? "RING" : "REJECT");
            }
            String deadLetterExchange = string(wire, "x-dead-letter-exchange");
            if (deadLetterExchange != null && !deadLetterExchange.isEmpty() && target.exchangeExists(deadLetterExchange)) {
                brokerJ.put("alternateExchange", deadLetterExchange);
                brokerJ.put("expiryPolicy", "ROUTE_TO_ALTERNATE");
            }
            Long maxPriority = nonNegativeInteger(wire, "x-max-priority");
            if (maxPriority != null && maxPriority > 255) {
                throw new InvalidArgument("x-max-priority", "{value_too_large," + maxPriority + ",255}");
            }
            if (maxPriority != null && maxPriority > 0) {
                brokerJ.put("x-qpid-priorities", (int) Math.min(maxPriority + 1, MAX_PRIORITY_LEVELS));
            }
            Object singleActive = wire.get("x-single-active-consumer");
            if (singleActive != null && !(singleActive instanceof Boolean)) {
                throw new InvalidArgument("x-single-active-consumer", "{unacceptable_type," + typeName(singleActive) + "}");
            }
            if (Boolean.TRUE.equals(singleActive)) {
                brokerJ.put("x-single-active-consumer", true);
            }
            String queueType = oneOf(wire, "x-queue-type", QUEUE_TYPES);
            oneOf(wire, "x-queue-mode", List.of("default", "lazy"));
            String maxAge = string(wire, "x-max-age");
            long maxAgeMillis = maxAge == null ? -1 : QueueTypes.durationMillis(maxAge);
            if (maxAge != null && maxAgeMillis < 0) {
                throw new InvalidArgument("x-max-age", "invalid_max_age");
            }
            String refused = QueueTypes.refusedArgument(queueType, wire);
            if (refused != null) {
                return new Translation(brokerJ, declared, RabbitErrors.text(RabbitErrors.PRECONDITION_FAILED,
                        "invalid arg '" + refused + "' for queue '" + queue + "' in vhost '" + vhost
                                + "' of queue type " + QueueTypes.moduleName(queueType)));
            }
            String property = QueueTypes.refusedProperty(queueType, durable, exclusive, autoDelete);
            if (property != null) {
                return new Translation(brokerJ, declared, RabbitErrors.text(RabbitErrors.PRECONDITION_FAILED,
                        "invalid property '" + property + "' for queue '" + queue + "' in vhost '" + vhost + "'"));
            }
            if (QueueTypes.STREAM.equals(queueType)) {
                // A stream is a log: consumers read without removing (Broker-J's non-destructive consumers),
                // each from its own offset (StreamConsumers); x-max-age ages messages out one by one.
                brokerJ.put("ensureNondestructiveConsumers", true);
                if (maxAgeMillis > 0) {
                    brokerJ.put("maximumMessageTtl", maxAgeMillis);
                }
            }
        } catch (InvalidArgument e) {
            return new Translation(brokerJ, declared, RabbitErrors.text(RabbitErrors.PRECONDITION_FAILED,
                    "invalid arg '" + e.key + "' for queue '" + queue + "' in vhost '" + vhost + "': " + e.reason));
        }
        return new Translation(brokerJ, declared, null);
    }

    /** Whether an exchange exists (dead-letter exchanges are bound only when they do). */
    interface QueueArgumentTarget {
        boolean exchangeExists(String name);
    }

    /**
     * RabbitMQ's equivalence of two argument tables over {@link #EQUIVALENCE_KEYS}: the same keys, and values
     * of the same type class (all integer widths are one class) and value. Returns the first differing key.
     */
    static String firstDifference(Map<String, Object> current, Map<String, Object> requested) {
        for (String key : EQUIVALENCE_KEYS) {
            Object a = current.get(key);
            Object b = requested.get(key);
            if (!equivalent(a, b)) {
                return key;
            }
        }
        return null;
    }

    static boolean equivalent(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (isInteger(a) && isInteger(b)) {
            return ((Number) a).longValue() == ((Number) b).longValue();
        }
        if (a instanceof byte[] || b instanceof byte[]) {
            return asText(a).equals(asText(b));
        }
        return Objects.equals(a, b);
    }

    /**
     * RabbitMQ's "received … but current is …" part of an inequivalence error. Streams compare
     * {@code x-max-age} themselves and quote both values bare when both are present.
     */
    static String describeDifference(String key, Object received, Object current) {
        if ("x-max-age".equals(key) && received != null && current != null) {
            return "received '" + asText(received) + "' but current is '" + asText(current) + "'";
        }
        return "received " + describe(received) + " but current is " + describe(current);
    }

    static String describe(Object value) {
        return value == null ? "none" : "the value '" + asText(value) + "' of type '" + typeName(value) + "'";
    }

    private static boolean isInteger(Object v) {
        return v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte;
    }

    private static String asText(Object v) {
        return v instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(v);
    }

    private static String typeName(Object v) {
        if (v instanceof Long) {
            return "long";
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return "signedint";
        }
        if (v instanceof String || v instanceof byte[]) {
            return "longstr";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        return v.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    private static Long integer(Map<String, Object> wire, String key) {
        Object v = wire.get(key);
        if (v == null) {
            return null;
        }
        if (!isInteger(v)) {
            throw new InvalidArgument(key, "{unacceptable_type," + typeName(v) + "}");
        }
        return ((Number) v).longValue();
    }

    private static Long nonNegativeInteger(Map<String, Object> wire, String key) {
        Long v = integer(wire, key);
        if (v != null && v < 0) {
            throw new InvalidArgument(key, "{value_negative," + v + "}");
        }
        return v;
    }

    private static String string(Map<String, Object> wire, String key) {
        Object v = wire.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String || v instanceof byte[])) {
            throw new InvalidArgument(key, "{unacceptable_type," + typeName(v) + "}");
        }
        return asText(v);
    }

    private static String oneOf(Map<String, Object> wire, String key, List<String> allowed) {
        String v = string(wire, key);
        if (v != null && !allowed.contains(v)) {
            throw new InvalidArgument(key, "{unacceptable_value,<<\"" + v + "\">>}");
        }
        return v;
    }

    private static final class InvalidArgument extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String key;
        final String reason;

        InvalidArgument(String key, String reason) {
            super(key + ": " + reason, null, false, false);
            this.key = key;
            this.reason = reason;
        }
    }
}
