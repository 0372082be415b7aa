package dev.oslo4j.messaging.driver.rabbit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oslo4j.messaging.MessagingException;
import dev.oslo4j.messaging.MessagingTimeout;
import dev.oslo4j.messaging.driver.CallResult;
import dev.oslo4j.messaging.wire.Failure;
import dev.oslo4j.messaging.wire.ReceivedReply;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One call waiting for its reply (docs/wire-protocol.md §5.4): heartbeats restart the call-monitor timer, a non-null result or
 * failure is remembered (legacy two-part replies), {@code ending: true} completes the call, and the overall
 * timeout is never extended.
 */
final class PendingCall {

    private final String msgId;
    private final CompletableFuture<CallResult> future = new CompletableFuture<>();
    private final long monitorNanos;
    private volatile long lastHeard = System.nanoTime();
    private JsonNode result;
    private Failure failure;
    private ScheduledFuture<?> deadline;
    private ScheduledFuture<?> monitor;

    PendingCall(String msgId, long timeoutNanos, long monitorNanos) {
        this.msgId = msgId;
        this.monitorNanos = monitorNanos;
        this.timeoutNanos = timeoutNanos;
    }

    private final long timeoutNanos;

    void startTimers(ScheduledExecutorService timer, Runnable onDone) {
        future.whenComplete((r, e) -> onDone.run());
        deadline = timer.schedule(() -> timeout("Timed out waiting for a reply to message ID " + msgId),
                timeoutNanos, TimeUnit.NANOSECONDS);
        if (monitorNanos > 0) {
            scheduleMonitor(timer, monitorNanos);
        }
        if (future.isDone()) {
            cancelTimers();
        }
    }

    private void scheduleMonitor(ScheduledExecutorService timer, long delay) {
        monitor = timer.schedule(() -> {
            long silent = System.nanoTime() - lastHeard;
            if (silent >= monitorNanos) {
                timeout("Timed out waiting for a reply to message ID " + msgId
                        + ": no heartbeat from the server within the call monitor timeout");
            } else if (!future.isDone()) {
                scheduleMonitor(timer, monitorNanos - silent);
            }
        }, delay, TimeUnit.NANOSECONDS);
    }

    CompletableFuture<CallResult> future() {
        return future;
    }

    String msgId() {
        return msgId;
    }

    /** Handles one reply message for this call; called on the reply consumer thread. */
    synchronized void onReply(ReceivedReply reply) {
        lastHeard = System.nanoTime();
        if (!reply.hasFailureKey()) {
            fail(new MessagingException("reply to message ID " + msgId + " lacks the 'failure' key"));
            return;
        }
        if (reply.failure() != null) {
            failure = reply.failure();
        } else if (reply.result() != null && !reply.result().isNull()) {
            result = reply.result();
        }
        if (reply.ending()) {
            future.complete(new CallResult(result == null ? reply.result() : result, failure));
            cancelTimers();
        }
    }

    void fail(RuntimeException e) {
        if (future.completeExceptionally(e)) {
            cancelTimers();
        }
    }

    private void timeout(String message) {
        fail(new MessagingTimeout(message));
    }

    private void cancelTimers() {
        ScheduledFuture<?> d = deadline;
        if (d != null) {
            d.cancel(false);
        }
        ScheduledFuture<?> m = monitor;
        if (m != null) {
            m.cancel(false);
        }
    }
}
