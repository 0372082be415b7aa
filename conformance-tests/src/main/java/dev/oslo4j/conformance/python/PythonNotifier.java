package dev.oslo4j.conformance.python;

import java.time.Duration;

/** A Python {@code Notifier} peer (drivers messaging / messagingv2, any topics and priority). */
public final class PythonNotifier implements AutoCloseable {
    private static final Duration SEND_WAIT = Duration.ofSeconds(30);
    private final PythonPeer peer;

    private PythonNotifier(PythonPeer peer) {
        this.peer = peer;
    }

    /** Starts a notifier; "control_exchange" (via {@link PeerConfig#controlExchange}) picks the exchange. */
    public static PythonNotifier start(PeerConfig config) {
        return new PythonNotifier(PythonPeer.start(PeerRole.NOTIFIER, config));
    }

    /** Sends one notification and fails if the peer could not. */
    public void notify(PeerCommand notification) {
        PeerReply reply = new PeerReply(peer.request(notification.json(), SEND_WAIT));
        if (!reply.sent()) {
            throw new AssertionError("the Python notifier did not send " + notification + ": " + reply.raw()
                    + "\nstderr tail:\n" + peer.stderrTail());
        }
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
