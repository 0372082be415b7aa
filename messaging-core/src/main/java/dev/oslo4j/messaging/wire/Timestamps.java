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
        LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        String base = SECONDS.format(t);
        int micros = t.getNano() / 1000;
        if (micros == 0) {
            return base;
        }
        String frac = Integer.toString(micros);
        return base + "." + "000000".substring(frac.length()) + frac;
    }

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
