package dev.oslo4j.junit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * An RPC reply or call-monitor heartbeat, as a server published it to the default exchange (docs/wire-protocol.md §4.6, §5.2).
 *
 * @param sequence    position in the test's recording (1-based)
 * @param replyQueue  the caller's reply queue (the routing key)
 * @param msgId       the {@code _msg_id} of the call it answers
 * @param result      the {@code result} (a null node for failures and heartbeats)
 * @param failure     the remote failure (Python module, class, message, args, kwargs), or null
 * @param ending      {@code ending}: true for the final reply
 * @param unroutable  whether no queue received it (the caller's reply queue was gone)
 * @param publishedAt when it was recorded
 * @param body        the raw body
 */
public record RecordedReply(int sequence, String replyQueue, String msgId, JsonNode result, RemoteFailure failure,
                            boolean ending, boolean unroutable, Instant publishedAt, String body)
        implements RecordedMessage {

    public RecordedReply {
        java.util.Objects.requireNonNull(result, "result");
    }

    /** The {@code result} (a copy: records stay as recorded). */
    @Override
    public JsonNode result() {
        return result.deepCopy();
    }

    /** Replies go to the default exchange. */
    @Override
    public String exchange() {
        return "";
    }

    @Override
    public String routingKey() {
        return replyQueue;
    }

    /** A call-monitor heartbeat: neither result nor failure, not ending. */
    public boolean isHeartbeat() {
        return !ending && failure == null && result.isNull();
    }

    public boolean isFailure() {
        return failure != null;
    }
}
