package dev.oslo4j.messaging.wire;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A decoded RPC reply or call-monitor heartbeat.
 *
 * @param msgId         the {@code _msg_id} it answers (null when missing: such a reply matches nothing)
 * @param result        {@code result} (a null node when null or absent)
 * @param failure       the parsed {@code failure}, or null
 * @param hasFailureKey whether the {@code failure} key was present at all (Python callers require it)
 * @param ending        {@code ending}; false for heartbeats and legacy first parts
 */
public record ReceivedReply(String msgId, JsonNode result, Failure failure, boolean hasFailureKey,
                            boolean ending) {

    /** A heartbeat: neither result nor failure, not ending. */
    public boolean isHeartbeat() {
        return !ending && failure == null && (result == null || result.isNull());
    }
}
