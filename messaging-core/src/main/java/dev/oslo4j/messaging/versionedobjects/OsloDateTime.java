package dev.oslo4j.messaging.versionedobjects;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * oslo.versionedobjects' {@code DateTimeField} primitive: written as {@code _utils.isotime} does
 * ({@code %Y-%m-%dT%H:%M:%S} then {@code Z} for UTC: whole seconds, no fraction), read as
 * {@code timeutils.parse_isotime} (ISO 8601, fraction and offset optional, a time without offset is UTC, as
 * the field's {@code tzinfo_aware} coercion makes it).
 */
final class OsloDateTime {

    private static final DateTimeFormatter WRITE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'");

    private OsloDateTime() {
    }

    static boolean handles(Class<?> type) {
        return type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class;
    }

    static String write(Object value) {
        OffsetDateTime utc;
        if (value instanceof Instant i) {
            utc = i.atOffset(ZoneOffset.UTC);
        } else if (value instanceof OffsetDateTime o) {
            utc = o.withOffsetSameInstant(ZoneOffset.UTC);
        } else if (value instanceof ZonedDateTime z) {
            utc = z.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        } else {
            throw new IllegalArgumentException("not a date-time: " + value.getClass().getName());
        }
        return WRITE.format(utc.truncatedTo(ChronoUnit.SECONDS));
    }

    /** @throws IllegalArgumentException when {@code text} is not an ISO 8601 date-time */
    static Object read(String text, Class<?> type) {
        String s = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11)
                : text;
        OffsetDateTime t;
        try {
            t = OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException withoutOffset) {
            try {
                t = LocalDateTime.parse(s, DateTimeFormatter.ISO_LOCAL_DATE_TIME).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not an ISO 8601 date-time: \"" + text + "\"", e);
            }
        }
        if (type == Instant.class) {
            return t.toInstant();
        }
        return type == ZonedDateTime.class ? t.toZonedDateTime() : t;
    }
}
