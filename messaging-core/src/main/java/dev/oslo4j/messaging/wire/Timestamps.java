package dev.oslo4j.messaging.wire;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Notification timestamps exactly as Python's {@code str(datetime.utcnow())}: {@code "YYYY-MM-DD HH:MM:SS.ffffff"}
 * (space separator, naive UTC, microseconds) and no fraction at all when the microseconds are zero.
 */
public final class Timestamps {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Timestamps() {
    }

    /** The current time in Python's notification format. */
    public static String now() {
        return format(Instant.now());
    }

    /** {@code instant} (truncated to microseconds) in Python's notification format. */
    public static String format(Instant instant) {
        // Every notification is stamped: format the seconds once per second, not once per message.
        long second = instant.getEpochSecond();
        Second cached = lastSecond;
        if (cached == null || cached.epochSecond != second) {
            cached = new Second(second, SECONDS.format(LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC)));
            lastSecond = cached;
        }
        int micros = instant.getNano() / 1000;
        if (micros == 0) {
            return cached.text;
        }
        char[] out = new char[cached.text.length() + 7];
        cached.text.getChars(0, cached.text.length(), out, 0);
        int pos = cached.text.length();
        out[pos] = '.';
        for (int i = 6; i >= 1; i--) {
            out[pos + i] = (char) ('0' + micros % 10);
            micros /= 10;
        }
        return new String(out);
    }

    /** A formatted second, shared between threads (immutable, so a racy publication is harmless). */
    private record Second(long epochSecond, String text) {
    }

    private static volatile Second lastSecond;

    /** Parses Python's format back (with or without fraction; a {@code T} separator is accepted too). */
    public static Instant parse(String text) {
        try {
            String t = text.trim().replace('T', ' ');
            int dot = t.indexOf('.');
            LocalDateTime base = LocalDateTime.parse(dot < 0 ? t : t.substring(0, dot), SECONDS);
            long nanos = 0;
            if (dot >= 0) {
                String frac = (t.substring(dot + 1) + "000000000").substring(0, 9);
                nanos = Long.parseLong(frac);
            }
            return base.toInstant(ZoneOffset.UTC).plusNanos(nanos);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("not a Python notification timestamp: '" + text + "'", e);
        }
    }
}
