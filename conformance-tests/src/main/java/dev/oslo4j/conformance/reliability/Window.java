package dev.oslo4j.conformance.reliability;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Keeps at most {@code size} asynchronous sends outstanding (as an application bounding its memory would)
 * and counts their outcomes: confirmed, or failed with which error.
 */
final class Window {

    private final int size;
    private final Semaphore permits;
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong confirmed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final List<Throwable> firstFailures = new CopyOnWriteArrayList<>();

    Window(int size) {
        this.size = size;
        this.permits = new Semaphore(size);
    }

    /** Waits for room (bounded), then starts one send. */
    void send(Supplier<CompletableFuture<?>> send) throws InterruptedException {
        if (!permits.tryAcquire(2, TimeUnit.MINUTES)) {
            throw new AssertionError("no send completed for 2 minutes (" + this + ")");
        }
        started.incrementAndGet();
        CompletableFuture<?> f;
        try {
            f = send.get();
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        f.whenComplete((v, e) -> {
            if (e == null) {
                confirmed.incrementAndGet();
            } else {
                failed.incrementAndGet();
                if (firstFailures.size() < 5) {
                    firstFailures.add(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
                }
            }
            permits.release();
        });
    }

    /** Waits until every started send completed. */
    void awaitAll(Duration timeout) throws InterruptedException {
        if (!permits.tryAcquire(size, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("sends still outstanding after " + timeout + " (" + this + ")");
        }
        permits.release(size);
    }

    long started() {
        return started.get();
    }

    long confirmed() {
        return confirmed.get();
    }

    long failed() {
        return failed.get();
    }

    List<Throwable> firstFailures() {
        return List.copyOf(firstFailures);
    }

    @Override
    public String toString() {
        return started() + " started, " + confirmed() + " confirmed, " + failed() + " failed"
                + (firstFailures.isEmpty() ? "" : " e.g. " + firstFailures);
    }
}
