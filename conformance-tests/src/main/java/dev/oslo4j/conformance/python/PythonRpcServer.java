package dev.oslo4j.conformance.python;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * A Python {@code get_rpc_server} peer with the reference endpoints: default namespace
 * (version 1.0, or {@code default_version}) {@code echo(arg)}, {@code add(a, b)},
 * {@code fail(message)} (ValueError), {@code sleep(seconds)}, {@code record(**kw)} (None),
 * {@code raise_custom(exc_class="InstanceNotFound", exc_module="oslo4j_peer_exceptions", **kw)} (nova-style;
 * {@code nova.exception} also available),
 * {@code get_context()}, {@code _hidden()} (never dispatched); namespace {@code ns2} version 2.3
 * {@code whoami()} → {@code {"server": S, "namespace": "ns2"}}.
 */
public final class PythonRpcServer implements AutoCloseable {
    private final PythonPeer peer;

    private PythonRpcServer(PythonPeer peer) {
        this.peer = peer;
    }

    /** Starts a server; the config needs "topic" and "server", optionally "exchange", "default_version". */
    public static PythonRpcServer start(PeerConfig config) {
        return new PythonRpcServer(PythonPeer.start(PeerRole.RPC_SERVER, config));
    }

    /** Waits for the first request for {@code method}. */
    public ReceivedRequest awaitRequest(String method, Duration timeout) {
        return awaitRequests("a request for " + method, r -> r.method().equals(method), 1, timeout).get(0);
    }

    /** Waits until {@code count} received requests match. */
    public List<ReceivedRequest> awaitRequests(String what, Predicate<ReceivedRequest> matcher, int count,
                                               Duration timeout) {
        return peer.awaitLines(what, e -> isRequest(e) && matcher.test(ReceivedRequest.of(e)), count, timeout)
                .stream().map(ReceivedRequest::of).toList();
    }

    /**
     * Waits until at least {@code count} requests were reported and returns all of them. Use it before
     * asserting on the complete list: a request's event may still be in the pipe when its reply is back.
     */
    public List<ReceivedRequest> awaitRequestCount(int count, Duration timeout) {
        awaitRequests(count + " request(s)", r -> true, count, timeout);
        return requests();
    }

    /** Every request received so far (see {@link #awaitRequestCount}). */
    public List<ReceivedRequest> requests() {
        return peer.lines().stream().filter(PythonRpcServer::isRequest).map(ReceivedRequest::of).toList();
    }

    /** The server name. */
    public String serverName() {
        return peer.readyEvent().path("server").asText();
    }

    /** The underlying process (raw events, stderr). */
    public PythonPeer peer() {
        return peer;
    }

    private static boolean isRequest(JsonNode event) {
        return "request".equals(event.path("event").asText());
    }

    @Override
    public void close() {
        peer.close();
    }
}
