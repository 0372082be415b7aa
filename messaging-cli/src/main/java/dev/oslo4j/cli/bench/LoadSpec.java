package dev.oslo4j.cli.bench;

import java.time.Duration;

/**
 * How hard and how long a benchmark pushes: {@code messages} measured operations spread over {@code threads}
 * client threads, each carrying {@code payloadBytes} of payload, after {@code warmup} unmeasured operations.
 *
 * @param drainTimeout how long to wait, after the last send, for the receiving side of an end-to-end
 *     pattern (casts, notifications) to process everything that was sent; also the deadline of one pipelined
 *     operation (with {@code inFlight > 1})
 * @param maxErrors the run stops early once this many operations failed (a dead broker must not turn a
 *     benchmark into an hour of timeouts)
 * @param inFlight operations each client thread keeps outstanding: 1 waits for each before the next (as
 *     Python's blocking API does); more pipelines them (confirms, replies) as an asynchronous caller does
 * @param warmupUntilJitSettles the warm-up goes on past {@code warmup} while the JIT compiler is busy (see
 *     {@link JitSettling}); off for runs that measure nothing (tests)
 */
public record LoadSpec(long messages, int threads, int payloadBytes, long warmup, Duration drainTimeout,
        long maxErrors, int inFlight, boolean warmupUntilJitSettles) {
    /** The most operations one thread may keep outstanding. */
    public static final int MAX_IN_FLIGHT = 10_000;

    public LoadSpec {
        require(messages > 0, "--messages must be at least 1, not " + messages);
        require(threads > 0, "--threads must be at least 1, not " + threads);
        require(threads <= 1024, "--threads must be at most 1024, not " + threads);
        require(payloadBytes >= 0, "--payload-bytes must not be negative, not " + payloadBytes);
        require(warmup >= 0, "--warmup must not be negative, not " + warmup);
        require(!drainTimeout.isNegative() && !drainTimeout.isZero(), "the drain timeout must be positive");
        require(maxErrors > 0, "the error limit must be at least 1");
        require(inFlight > 0, "--in-flight must be at least 1, not " + inFlight);
        require(inFlight <= MAX_IN_FLIGHT, "--in-flight must be at most " + MAX_IN_FLIGHT + ", not " + inFlight);
    }

    /** A warm-up of exactly {@code warmup} operations. */
    public LoadSpec(long messages, int threads, int payloadBytes, long warmup, Duration drainTimeout, long maxErrors,
                    int inFlight) {
        this(messages, threads, payloadBytes, warmup, drainTimeout, maxErrors, inFlight, false);
    }

    /** One operation at a time per thread, a warm-up of exactly {@code warmup} operations. */
    public LoadSpec(long messages, int threads, int payloadBytes, long warmup, Duration drainTimeout, long maxErrors) {
        this(messages, threads, payloadBytes, warmup, drainTimeout, maxErrors, 1);
    }

    /** Whether threads keep more than one operation outstanding. */
    public boolean pipelined() {
        return inFlight > 1;
    }

    /** The default warm-up count: a tenth of the measured messages, at most 2000. */
    public static long defaultWarmup(long messages) {
        return Math.min(2000, messages / 10);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
