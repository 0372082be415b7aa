package dev.oslo4j.messaging;

import dev.oslo4j.messaging.driver.Listener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The lifecycle {@link RpcServer} and {@link NotificationListener} share, oslo's {@code MessageHandlingServer}:
 * {@link #start()} consumes; {@link #stop()} stops consuming and returns at once (work already received goes on);
 * {@link #awaitTermination(Duration)} waits — for {@code stop()} if it was not called yet, as oslo's
 * {@code wait()} does, then for the work in flight — and releases the consumer. Every wait is bounded.
 */
final class ServerLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ServerLifecycle.class);
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final EndpointThreads executor;
    private final Supplier<Listener> listen;
    private final Runnable beforeDrain;
    private final Runnable afterDrain;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private Listener listener;

    /**
     * @param executor    the endpoint threads: drained by {@link #awaitTermination}
     * @param listen      starts consuming (called once, by the first {@code start()})
     * @param beforeDrain after stopping, before waiting for the endpoint threads (e.g. flush a partial batch)
     * @param afterDrain  once the endpoint threads are done (e.g. stop heartbeat timers)
     */
    ServerLifecycle(String name, EndpointThreads executor, Supplier<Listener> listen, Runnable beforeDrain,
                    Runnable afterDrain) {
        this.name = name;
        this.executor = executor;
        this.listen = listen;
        this.beforeDrain = beforeDrain;
        this.afterDrain = afterDrain;
    }

    synchronized void start() {
        if (stopped.getCount() == 0) {
            throw new IllegalStateException(name + " was stopped; build a new one");
        }
        if (listener == null) {
            listener = listen.get();
        }
    }

    /** Stops consuming new messages; what was received still runs. Idempotent, does not block on endpoints. */
    synchronized void stop() {
        if (stopped.getCount() == 0) {
            return;
        }
        if (listener != null) {
            listener.stop();
        }
        stopped.countDown();
    }

    /** Why the consumers are not active ("not started", "stopped", the driver's reason); empty when they are. */
    synchronized java.util.Optional<String> consumerProblem() {
        if (listener == null) {
            return java.util.Optional.of(isStopped() ? "stopped" : "not started");
        }
        return java.util.Optional.ofNullable(isStopped() ? "stopped" : listener.inactiveReason());
    }

    boolean isStopped() {
        return stopped.getCount() == 0;
    }

    /**
     * Waits up to {@code timeout} in all: for {@link #stop()} (called by another thread) if it was not called yet,
     * then for the work received to finish; then closes the consumer (unsettled messages return to the broker).
     *
     * @return whether the server was stopped and all its work finished in time
     */
    boolean awaitTermination(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            if (!stopped.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        beforeDrain.run();
        boolean done = executor.drain(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        if (done) {
            afterDrain.run();
            releaseConsumer();
        }
        return done;
    }

    /** Stops, waits up to 30 s for the work received, then ends what still runs and closes the consumer. */
    void close() {
        stop();
        if (!awaitTermination(CLOSE_TIMEOUT)) {
            LOG.warn("{}: endpoints still running after {} s; closing anyway", name, CLOSE_TIMEOUT.toSeconds());
            executor.abandon();
            afterDrain.run();
            releaseConsumer();
        }
    }

    private synchronized void releaseConsumer() {
        if (listener != null) {
            listener.close();
        }
    }
}
