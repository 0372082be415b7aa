package dev.oslo4j.broker.internal.amqp;

import java.nio.charset.StandardCharsets;

/**
 * Where a stream consumer starts, from its {@code x-stream-offset} argument as RabbitMQ 3.10 reads it:
 * {@code "first"}, {@code "last"}, {@code "next"} (also the default), a numeric offset (negative = first),
 * or an interval such as {@code "10m"} meaning "messages that arrived in the last ten minutes".
 *
 * @param kind  which of those
 * @param value the offset for {@link Kind#OFFSET}, the epoch millisecond for {@link Kind#TIMESTAMP}
 */
record StreamOffset(Kind kind, long value) {

    enum Kind { FIRST, LAST, NEXT, OFFSET, TIMESTAMP }

    static final StreamOffset NEXT = new StreamOffset(Kind.NEXT, 0);

    /** A value RabbitMQ refuses; {@link #getMessage()} is its reason, e.g. {@code {invalid_stream_offset_arg,…}}. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String reason) {
            super(reason, null, false, false);
        }
    }

    static StreamOffset parse(Object argument, long nowMillis) throws Invalid {
        if (argument == null) {
            return NEXT;
        }
        if (argument instanceof Long || argument instanceof Integer || argument instanceof Short
                || argument instanceof Byte) {
            long offset = ((Number) argument).longValue();
            return offset < 0 ? new StreamOffset(Kind.FIRST, 0) : new StreamOffset(Kind.OFFSET, offset);
        }
        if (argument instanceof String || argument instanceof byte[]) {
            String text = argument instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : (String) argument;
            switch (text) {
                case "first":
                    return new StreamOffset(Kind.FIRST, 0);
                case "last":
                    return new StreamOffset(Kind.LAST, 0);
                case "next":
                    return NEXT;
                default:
                    long interval = QueueTypes.durationMillis(text);
                    if (interval < 0) {
                        throw new Invalid("{invalid_stream_offset_arg,{longstr,<<\"" + text + "\">>}}");
                    }
                    return new StreamOffset(Kind.TIMESTAMP, nowMillis - Math.min(interval, nowMillis));
            }
        }
        throw new Invalid("{invalid_stream_offset_arg,{" + argument.getClass().getSimpleName().toLowerCase(
                java.util.Locale.ROOT) + "," + argument + "}}");
    }
}
