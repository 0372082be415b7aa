package dev.oslo4j.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets a long-running command ({@code broker}, {@code serve}, {@code listen}) wait until it is told to stop:
 * by SIGINT or SIGTERM when running as a process, or by {@link #stop()} (tests running it in-process). The
 * command then cleans up and returns its exit code normally, instead of the JVM dying with 130/143 halfway
 * through a shutdown hook.
 */
public final class StopSignal {
    private final CountDownLatch stopped = new CountDownLatch(1);

    /** A stop signal that also fires on SIGINT and SIGTERM of this process. */
    public static StopSignal onInterruptOrTerminate() {
        StopSignal signal = new StopSignal();
        signal.handle("INT");
        signal.handle("TERM");
        return signal;
    }

    /** A stop signal fired only by {@link #stop()}. */
    public static StopSignal manual() {
        return new StopSignal();
    }

    @SuppressWarnings("removal")
    private void handle(String name) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal(name), s -> stop());
        } catch (IllegalArgumentException e) {
            // The signal is reserved here (e.g. by the JVM's own options); the default behaviour stays.
        }
    }

    public void stop() {
        stopped.countDown();
    }

    /** Waits until stopped. */
    public void await() throws InterruptedException {
        stopped.await();
    }

    /** Waits until stopped or {@code timeout} passed; true when stopped. */
    public boolean await(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    public boolean isStopped() {
        return stopped.getCount() == 0;
    }
}
