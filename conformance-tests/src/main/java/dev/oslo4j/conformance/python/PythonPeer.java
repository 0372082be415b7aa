package dev.oslo4j.conformance.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import dev.oslo4j.testsupport.PythonProcess;

/**
 * One running Python oslo.messaging peer process ({@code oslo_peer.py ROLE}), driven by JSON
 * commands on its stdin and reporting JSON events on its stdout. Closing it closes stdin (the
 * peer then stops cleanly, as a Python service would) and kills the process if it does not exit
 * in time; peers still alive when the JVM exits are killed by a shutdown hook (test-support's
 * {@link PythonProcess} runs the process).
 */
public final class PythonPeer implements AutoCloseable {
    /** How long a peer may take to connect and declare its queues. */
    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(30);
    private static final int EVENTS_IN_FAILURES = 15;

    private final PeerRole role;
    private final PythonProcess<JsonNode> process;
    private final AtomicLong nextId = new AtomicLong();
    private volatile JsonNode ready;

    private PythonPeer(PeerRole role, PythonProcess<JsonNode> process) {
        this.role = role;
        this.process = process;
    }

    /** Starts a peer and waits up to {@link #DEFAULT_READY_TIMEOUT} for its "ready" event. */
    public static PythonPeer start(PeerRole role, JsonNode config) {
        return start(role, config, DEFAULT_READY_TIMEOUT);
    }

    /**
     * Starts a peer with the given configuration (see the role's Python module) and waits for its
     * "ready" event; on failure the peer is killed and the exception carries its stderr tail.
     */
    public static PythonPeer start(PeerRole role, JsonNode config, Duration readyTimeout) {
        return start(role, config, readyTimeout, OsloRelease.V14_0_3);
    }

    /** Starts a peer of the configuration's oslo.messaging release (see {@link PeerConfig#release}). */
    static PythonPeer start(PeerRole role, PeerConfig config) {
        return start(role, config.json(), DEFAULT_READY_TIMEOUT, config.release());
    }

    /** As {@link #start(PeerRole, JsonNode, Duration)}, running that oslo.messaging release. */
    public static PythonPeer start(PeerRole role, JsonNode config, Duration readyTimeout, OsloRelease release) {
        PythonAvailability.assumeAvailable(release);
        PythonPeer peer;
        try {
            peer = new PythonPeer(role, PythonProcess.start(role.cliName() + " peer",
                    PeerScripts.directory().resolve(PeerScripts.ENTRY_POINT), List.of(role.cliName()),
                    Map.of("OSLO4J_PEER_CONFIG", PeerJson.write(config)), release.pythonPath().orElse(null),
                    PeerJson::parseLine));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + PythonAvailability.PYTHON, e);
        }
        try {
            peer.ready = peer.awaitLine("the \"ready\" event",
                    e -> "ready".equals(e.path("event").asText()), readyTimeout);
            return peer;
        } catch (RuntimeException | Error e) {
            peer.close(Duration.ZERO);  // a peer that is not ready may not be reading its stdin
            throw e;
        }
    }

    /** The role this peer plays. */
    public PeerRole role() {
        return role;
    }

    /** The operating-system process id. */
    public long pid() {
        return process.pid();
    }

    /** The "ready" event the peer printed (e.g. the exchange an RPC server listens on). */
    public JsonNode readyEvent() {
        return ready;
    }

    /** Writes one command line; use {@link #request} to also wait for its reply. */
    public void send(JsonNode command) {
        process.send(PeerJson.write(command));
    }

    /**
     * Sends the command (an "id" is added when absent) and waits for the "reply" event with the
     * same id. The reply holds either the op's fields (e.g. "result") or an "error" object.
     */
    public JsonNode request(ObjectNode command, Duration timeout) {
        JsonNode id = sendWithId(command);
        return awaitReply(id, timeout);
    }

    /** Sends the command after giving it a fresh "id" unless it has one; returns the id. */
    public JsonNode sendWithId(ObjectNode command) {
        if (!command.has("id")) {
            command.put("id", "j" + nextId.incrementAndGet());
        }
        send(command);
        return command.get("id");
    }

    /** Waits for the "reply" event answering the command with this id. */
    public JsonNode awaitReply(JsonNode id, Duration timeout) {
        return awaitLine("the reply to command " + id,
                e -> "reply".equals(e.path("event").asText()) && id.equals(e.get("id")), timeout);
    }

    /** Waits for the first event matching {@code matcher}; fails with what the peer did print. */
    public JsonNode awaitLine(Predicate<JsonNode> matcher, Duration timeout) {
        return awaitLine("a matching event", matcher, timeout);
    }

    /** As {@link #awaitLine(Predicate, Duration)}; {@code what} names the awaited event in failures. */
    public JsonNode awaitLine(String what, Predicate<JsonNode> matcher, Duration timeout) {
        return awaitLines(what, matcher, 1, timeout).get(0);
    }

    /** Waits until {@code count} events match (counting every event so far) and returns them. */
    public List<JsonNode> awaitLines(String what, Predicate<JsonNode> matcher, int count, Duration timeout) {
        List<JsonNode> matched;
        try {
            matched = process.await(matcher, count, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what + " from " + describe(), e);
        }
        if (matched.size() < count) {
            throw new AssertionError(describe() + " did not print " + what
                    + (count > 1 ? " (" + count + " times; saw " + matched.size() + ")" : "") + " within " + timeout
                    + (process.ended() ? "; it ended its output" + exitStatus() : "")
                    + ".\nLast events:\n" + lastEvents() + "\nstderr tail:\n" + process.stderrTail());
        }
        return matched;
    }

    /** Every event printed so far, in order. */
    public List<JsonNode> lines() {
        return process.events();
    }

    /** The last lines the peer wrote to stderr (its Python log), for diagnostics. */
    public String stderrTail() {
        return process.stderrTail();
    }

    /** Whether the process is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Closes stdin so the peer stops cleanly (servers delete their fanout queue as Python does),
     * waits a bounded time, then kills the process and any children. Never leaves an orphan.
     */
    @Override
    public void close() {
        process.close();
    }

    /** As {@link #close()}, waiting at most {@code grace} for a clean stop before killing. */
    void close(Duration grace) {
        process.close(grace);
    }

    private String describe() {
        return process.toString();
    }

    private String exitStatus() {
        // stdout closes a moment before the process is reaped
        return process.exitCode(Duration.ofSeconds(2)).map(code -> {
            String status = " and exited with code " + code;
            return process.first(e -> "fatal".equals(e.path("event").asText()))
                    .map(f -> status + " after a fatal " + f.at("/error/module").asText() + "."
                            + f.at("/error/class").asText() + ": " + f.at("/error/message").asText())
                    .orElse(status);
        }).orElse("");
    }

    private String lastEvents() {
        List<JsonNode> all = process.events();
        if (all.isEmpty()) {
            return "  (none)";
        }
        return all.subList(Math.max(0, all.size() - EVENTS_IN_FAILURES), all.size()).stream()
                .map(e -> "  " + abbreviate(e.toString()))
                .collect(Collectors.joining("\n"));
    }

    private static String abbreviate(String text) {
        return text.length() <= 600 ? text : text.substring(0, 600) + "…(" + text.length() + " chars)";
    }

    @Override
    public String toString() {
        return describe();
    }
}
