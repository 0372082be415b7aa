package dev.oslo4j.junit.internal;

import dev.oslo4j.junit.RecordedMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * Every message published during one test, in publish order. The broker side only appends raw publishes (cheap,
 * never blocks on decoding); readers decode on demand and can wait for a condition with a deadline.
 * Thread-safe.
 */
public final class Recording {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    /** Guarded by {@link #lock}. */
    private final List<RawPublish> raw = new ArrayList<>();
    /** Guarded by itself; a prefix of {@link #raw}, decoded. */
    private final List<RecordedMessage> decoded = new ArrayList<>();
    private volatile Runnable catchUp = () -> { };

    /**
     * What makes the recording complete up to now (the recorder of an asynchronous broker, such as RabbitMQ's
     * firehose, waits until it has caught up); run before an assertion gives up, so a message confirmed before
     * its deadline is never missed.
     */
    public void catchUpWith(Runnable catchUp) {
        this.catchUp = catchUp;
    }

    /** Called by the recorder (a broker I/O thread or the firehose consumer). */
    public void add(RawPublish message) {
        lock.lock();
        try {
            raw.add(message);
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Everything recorded so far, decoded, in publish order. */
    public List<RecordedMessage> snapshot() {
        synchronized (decoded) {
            List<RawPublish> fresh;
            lock.lock();
            try {
                fresh = List.copyOf(raw.subList(decoded.size(), raw.size()));
            } finally {
                lock.unlock();
            }
            for (RawPublish p : fresh) {
                decoded.add(MessageDecoder.decode(decoded.size() + 1, p));
            }
            return List.copyOf(decoded);
        }
    }

    /**
     * Waits until {@code done} holds for the recording, or until {@code deadlineNanos} ({@link System#nanoTime()}
     * scale). Evaluates at least once, and again after each new message; at the deadline, once more after the
     * recorder caught up with everything published so far.
     *
     * @return the last snapshot evaluated
     */
    public List<RecordedMessage> awaitUntil(Predicate<List<RecordedMessage>> done, long deadlineNanos) {
        while (true) {
            List<RecordedMessage> snapshot = snapshot();
            if (done.test(snapshot)) {
                return snapshot;
            }
            long remaining = deadlineNanos - System.nanoTime();
            if (remaining <= 0) {
                catchUp.run();
                return snapshot();
            }
            lock.lock();
            try {
                if (raw.size() == snapshot.size()) {
                    arrived.awaitNanos(remaining);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return snapshot();
            } finally {
                lock.unlock();
            }
        }
    }
}
