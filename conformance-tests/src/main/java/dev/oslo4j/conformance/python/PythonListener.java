package dev.oslo4j.conformance.python;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * A Python notification listener peer ({@code get_notification_listener}, or the batch listener
 * when the config has "batch"). Config: "targets" [{topic, exchange}], "priorities", "pool",
 * "allow_requeue", "results" {priority: handled|requeue|requeue_once|raise}, "filter".
 */
public final class PythonListener implements AutoCloseable {
    private final PythonPeer peer;

    private PythonListener(PythonPeer peer) {
        this.peer = peer;
    }

    /** Starts a listener; its queues are declared and bound once this returns. */
    public static PythonListener start(PeerConfig config) {
        return new PythonListener(PythonPeer.start(PeerRole.LISTENER, config));
    }

    /** Waits until {@code count} notifications were received (redeliveries count again). */
    public List<ReceivedNotification> awaitNotifications(int count, Duration timeout) {
        return awaitNotifications(count + " notification(s)", n -> true, count, timeout);
    }

    /** Waits until {@code count} received notifications match. */
    public List<ReceivedNotification> awaitNotifications(String what, Predicate<ReceivedNotification> matcher,
                                                         int count, Duration timeout) {
        return peer.awaitLines(what, e -> isEvent(e, "notification") && matcher.test(ReceivedNotification.of(e)),
                count, timeout).stream().map(ReceivedNotification::of).toList();
    }

    /** Waits until {@code count} batches were delivered (batch listener). */
    public List<ReceivedBatch> awaitBatches(int count, Duration timeout) {
        return peer.awaitLines(count + " batch(es)", e -> isEvent(e, "batch"), count, timeout)
                .stream().map(ReceivedBatch::of).toList();
    }

    /** Every notification received so far (not counting batches). */
    public List<ReceivedNotification> notifications() {
        return peer.lines().stream().filter(e -> isEvent(e, "notification")).map(ReceivedNotification::of).toList();
    }

    /** The underlying process (raw events, stderr). */
    public PythonPeer peer() {
        return peer;
    }

    private static boolean isEvent(JsonNode event, String name) {
        return name.equals(event.path("event").asText());
    }

    @Override
    public void close() {
        peer.close();
    }
}
