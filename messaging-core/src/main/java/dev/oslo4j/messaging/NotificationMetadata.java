package dev.oslo4j.messaging;

import dev.oslo4j.messaging.wire.Timestamps;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code metadata} an oslo listener endpoint receives: the notification's {@code message_id} and
 * {@code timestamp} exactly as sent (either may be null when the sender omitted it).
 *
 * @param messageId {@code message_id}, a {@code uuid36} when sent by oslo
 * @param timestamp {@code timestamp} in Python's format, e.g. {@code "2026-11-25 00:39:57.446468"} (naive UTC)
 */
public record NotificationMetadata(String messageId, String timestamp) {

    /**
     * The timestamp as an instant (Python's naive UTC).
     *
     * @throws IllegalArgumentException when absent or not in Python's format
     */
    public Instant timestampInstant() {
        if (timestamp == null) {
            throw new IllegalArgumentException("notification " + messageId + " has no timestamp");
        }
        return Timestamps.parse(timestamp);
    }

    /** As Python's dict: {@code {"message_id": …, "timestamp": …}}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("message_id", messageId);
        m.put("timestamp", timestamp);
        return m;
    }
}
