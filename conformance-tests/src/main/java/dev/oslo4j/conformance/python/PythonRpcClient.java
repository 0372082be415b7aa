package dev.oslo4j.conformance.python;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A Python RPC client peer: runs calls and casts, many at once if asked. */
public final class PythonRpcClient implements AutoCloseable {
    private final PythonPeer peer;

    private PythonRpcClient(PythonPeer peer) {
        this.peer = peer;
    }

    /** Starts a client; optional config keys: "max_in_flight" (default 64), oslo options. */
    public static PythonRpcClient start(PeerConfig config) {
        return new PythonRpcClient(PythonPeer.start(PeerRole.RPC_CLIENT, config));
    }

    /**
     * Runs one call/cast and waits up to {@code wait} for the outcome; give {@code wait} more than
     * the call's own timeout so that a MessagingTimeout is observed rather than a harness timeout.
     */
    public PeerReply run(PeerCommand command, Duration wait) {
        return new PeerReply(peer.request(command.json(), wait));
    }

    /** Sends every command before waiting for any reply, so they are all in flight together. */
    public List<PeerReply> runConcurrently(List<PeerCommand> commands, Duration wait) {
        List<JsonNode> ids = commands.stream().map(c -> peer.sendWithId(c.json())).toList();
        long deadline = System.nanoTime() + wait.toNanos();
        List<PeerReply> replies = new ArrayList<>();
        for (JsonNode id : ids) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            replies.add(new PeerReply(peer.awaitReply(id, left)));
        }
        return replies;
    }

    /** The underlying process (raw events, stderr). */
    public PythonPeer peer() {
        return peer;
    }

    @Override
    public void close() {
        peer.close();
    }
}
