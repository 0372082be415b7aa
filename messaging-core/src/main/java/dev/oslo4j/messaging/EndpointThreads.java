package dev.oslo4j.messaging;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where servers and listeners run their endpoints, and their orderly end: either their own pool of
 * {@code executor_thread_pool_size} named daemon threads (a {@link BatchingExecutor}: a burst of messages wakes
 * one worker, not one per message), or an {@link Executor} the application supplied (virtual threads, its own
 * pool), which is never shut down here: draining then waits for the tasks this server or listener gave it.
 */
final class EndpointThreads implements Executor {

    private final BatchingExecutor own;
    private final Executor supplied;
    private final AtomicInteger running = new AtomicInteger();
    private volatile boolean draining;

    private EndpointThreads(BatchingExecutor own, Executor supplied) {
        this.own = own;
        this.supplied = supplied;
    }

    /**
     * @param supplied the application's executor, or null for a pool of {@code threads} threads named
     *                 {@code prefix-N}, started on demand and ended after a minute idle
     */
    static EndpointThreads of(Executor supplied, int threads, String prefix) {
        return supplied != null ? new EndpointThreads(null, supplied)
                : new EndpointThreads(new BatchingExecutor(threads, prefix, 60, TimeUnit.SECONDS), null);
    }

    static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** @throws RejectedExecutionException once draining began (or when the application's executor refuses) */
    @Override
    public void execute(Runnable task) {
        if (own != null) {
            own.execute(task);
            return;
        }
        if (draining) {
            throw new RejectedExecutionException("stopping");
        }
        running.incrementAndGet();
        try {
            supplied.execute(() -> {
                try {
                    task.run();
                } finally {
                    finished();
                }
            });
        } catch (RuntimeException e) {
            finished();
            throw e;
        }
    }

    private void finished() {
        if (running.decrementAndGet() == 0 && draining) {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    /**
     * Takes no new work and waits up to {@code timeout} for what was submitted.
     *
     * @return whether everything finished in time (false too when the wait was interrupted)
     */
    boolean drain(Duration timeout) {
        draining = true;
        try {
            if (own != null) {
                own.shutdown();
                return own.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            synchronized (this) {
                while (running.get() > 0) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Gives up on running work: interrupts the own pool's threads (an application's executor is left alone). */
    void abandon() {
        draining = true;
        if (own != null) {
            own.shutdownNow();
        }
    }
}
