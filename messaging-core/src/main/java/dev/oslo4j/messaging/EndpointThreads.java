package dev.oslo4j.messaging;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that servers and listeners run endpoints on (oslo's {@code executor_thread_pool_size}), and their
 * orderly end: named and daemon, so that a forgotten server never keeps a JVM alive.
 */
final class EndpointThreads {

    private EndpointThreads() {
    }

    /** Up to {@code threads} threads, started on demand and ended after a minute idle. */
    static ThreadPoolExecutor pool(int threads, String prefix) {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), named(prefix));
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Takes no new work and waits up to {@code timeout} for what was submitted.
     *
     * @return whether everything finished in time (false too when the wait was interrupted)
     */
    static boolean drain(ExecutorService executor, Duration timeout) {
        executor.shutdown();
        try {
            return executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
