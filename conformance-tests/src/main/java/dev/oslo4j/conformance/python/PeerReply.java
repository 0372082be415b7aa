package dev.oslo4j.conformance.python;

import com.fasterxml.jackson.databind.JsonNode;

/** A peer's reply to one command: its fields (e.g. "result", "sent") or an error. */
public record PeerReply(JsonNode raw) {

    /** Whether the command raised. */
    public boolean isError() {
        return raw.has("error");
    }

    /** The exception the command raised; fails when it succeeded. */
    public PeerError error() {
        if (!isError()) {
            throw new AssertionError("expected the peer's command to fail, but it succeeded: " + raw);
        }
        return PeerError.of(raw.get("error"));
    }

    /** The call's result (JSON null for Python None); fails, naming the exception, when it raised. */
    public JsonNode result() {
        if (isError()) {
            throw new AssertionError("the peer's command failed with " + error() + "\nfull reply: " + raw);
        }
        return raw.path("result");
    }

    /** Whether a cast or notification was sent (the broker confirmed it). */
    public boolean sent() {
        return !isError() && raw.path("sent").asBoolean(false);
    }
}
