package dev.oslo4j.messaging;

import dev.oslo4j.messaging.driver.IncomingNotification;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Collects notifications into batches for a batch listener: a batch is handed on when it holds {@code size}
 * notifications, or {@code timeoutNanos} after its first notification arrived (whichever comes first), or when
 * {@link #flush()} is called. Thread-safe.
 */
final class NotificationBatcher {

    private final int size;
    private final long timeoutNanos;
    private final ScheduledExecutorService timer;
    private final Consumer<List<IncomingNotification>> sink;
    private List<IncomingNotification> current = new ArrayList<>();
    private ScheduledFuture<?> deadline;
    private long generation;

    /** @param timeoutNanos 0 = no timeout: batches are handed on only when full (oslo without batch_timeout) */
    NotificationBatcher(int size, long timeoutNanos, ScheduledExecutorService timer,
                        Consumer<List<IncomingNotification>> sink) {
        this.size = size;
        this.timeoutNanos = timeoutNanos;
        this.timer = timer;
        this.sink = sink;
    }

    void add(IncomingNotification n) {
        List<IncomingNotification> full = null;
        synchronized (this) {
            current.add(n);
            if (current.size() >= size) {
                full = take();
            } else if (current.size() == 1 && timeoutNanos > 0) {
                long expected = generation;
                deadline = timer.schedule(() -> expire(expected), timeoutNanos, TimeUnit.NANOSECONDS);
            }
        }
        if (full != null) {
            sink.accept(full);
        }
    }

    /** Hands on whatever is collected (nothing when empty). */
    void flush() {
        List<IncomingNotification> batch;
        synchronized (this) {
            batch = current.isEmpty() ? null : take();
        }
        if (batch != null) {
            sink.accept(batch);
        }
    }

    private void expire(long expected) {
        List<IncomingNotification> batch;
        synchronized (this) {
            if (generation != expected || current.isEmpty()) {
                return; // that batch was already handed on when it filled up
            }
            batch = take();
        }
        sink.accept(batch);
    }

    private List<IncomingNotification> take() {
        List<IncomingNotification> batch = current;
        current = new ArrayList<>(Math.min(size, 1024));
        generation++;
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
        return batch;
    }
}
