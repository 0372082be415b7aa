package dev.oslo4j.conformance.reliability;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;

import dev.oslo4j.messaging.MessagingException;

/**
 * What became of each synchronous call: returned, or raised which error, and how long it took. A call that took
 * longer than its bound, or failed with something other than a {@link MessagingException} carrying a message,
 * is kept as evidence. Thread-safe.
 */
final class CallOutcomes {

    private final long boundNanos;
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
    private final LongAccumulator maxNanos = new LongAccumulator(Math::max, 0);
    private final List<String> overBound = new CopyOnWriteArrayList<>();
    private final List<String> unclear = new CopyOnWriteArrayList<>();

    /** @param bound the longest a call may take (its timeout + 1 s) */
    CallOutcomes(Duration bound) {
        this.boundNanos = bound.toNanos();
    }

    void returned(long nanos) {
        ok.incrementAndGet();
        took(nanos, "returned");
    }

    void raised(long nanos, Throwable error) {
        failed.incrementAndGet();
        failures.computeIfAbsent(error.getClass().getSimpleName(), k -> new AtomicLong()).incrementAndGet();
        boolean clear = error instanceof MessagingException && error.getMessage() != null
                && !error.getMessage().isBlank();
        if (!clear && unclear.size() < 10) {
            unclear.add(error.toString());
        }
        took(nanos, error.toString());
    }

    private void took(long nanos, String what) {
        maxNanos.accumulate(nanos);
        if (nanos > boundNanos && overBound.size() < 10) {
            overBound.add(what + " after " + Duration.ofNanos(nanos).toMillis() + " ms");
        }
    }

    long ok() {
        return ok.get();
    }

    long failed() {
        return failed.get();
    }

    long total() {
        return ok() + failed();
    }

    Duration max() {
        return Duration.ofNanos(maxNanos.get());
    }

    /** Failures per exception type. */
    Map<String, Long> failures() {
        Map<String, Long> out = new TreeMap<>();
        failures.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /** Up to 10 calls that took longer than the bound. */
    List<String> overBound() {
        return List.copyOf(overBound);
    }

    /** Up to 10 errors that were not a {@link MessagingException} with a message. */
    List<String> unclear() {
        return List.copyOf(unclear);
    }

    @Override
    public String toString() {
        return ok() + " ok, " + failed() + " failed with an error " + failures() + ", longest "
                + max().toMillis() + " ms";
    }
}
