package dev.oslo4j.testsupport;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Waiting for a condition with a deadline, never a blind sleep: polls every 10 ms and, when the deadline passes,
 * fails saying what was awaited, what was last seen (when the caller says how to describe it) and the last
 * exception the condition threw.
 */
public final class Await {

    private static final long POLL_MILLIS = 10;

    private Await() {
    }

    /** A check that may throw (AMQP calls do); a throw counts as "not yet". */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    /** Polls {@code condition} until it holds; fails with {@code what} when {@code timeout} passes. */
    public static void until(Duration timeout, String what, Condition condition) {
        until(timeout, what, condition, null);
    }

    /**
     * As {@link #until(Duration, String, Condition)}; a failure also says what {@code seen} reports at the
     * deadline (e.g. everything received so far), so that it explains what happened instead.
     */
    public static void until(Duration timeout, String what, Condition condition, Supplier<String> seen) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (true) {
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            if (System.nanoTime() > deadline) {
                AssertionError error = new AssertionError("timed out after " + timeout.toMillis() + " ms waiting until "
                        + what + (seen == null ? "" : "; saw " + seen.get())
                        + (last == null ? "" : "; the last check threw " + last));
                if (last != null) {
                    error.initCause(last);
                }
                throw error;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting until " + what, e);
            }
        }
    }

    /** Polls {@code supplier} until it returns non-null; returns that value. */
    public static <T> T value(Duration timeout, String what, Supplier<T> supplier) {
        Object[] holder = new Object[1];
        until(timeout, what, () -> (holder[0] = supplier.get()) != null);
        @SuppressWarnings("unchecked")
        T value = (T) holder[0];
        return value;
    }
}
