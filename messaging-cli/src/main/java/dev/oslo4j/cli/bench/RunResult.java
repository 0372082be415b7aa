package dev.oslo4j.cli.bench;

import java.time.Duration;
import java.util.Optional;

/**
 * What one contender achieved.
 *
 * @param completed operations that succeeded (and, for end-to-end patterns, were processed)
 * @param errors operations that failed, plus messages sent but never processed
 * @param elapsed from the first measured send until the last measured message was processed
 * @param firstError the first failure's description, to tell the user why a run has errors
 * @param aborted whether the run stopped early (too many errors)
 * @param inFlight operations each client thread kept outstanding
 * @param inFlightNote why this contender ran with another in-flight than asked (Python's API blocks)
 * @param resources what the measured phase cost this JVM per message (contenders run in this JVM only)
 */
public record RunResult(String name, long completed, long errors, Duration elapsed, LatencySummary latency,
        Optional<String> firstError, boolean aborted, int inFlight, Optional<String> inFlightNote,
        Optional<ResourceUse> resources) {

    /** A run with its in-flight note and no resource figures (a contender in another process). */
    public RunResult(String name, long completed, long errors, Duration elapsed, LatencySummary latency,
            Optional<String> firstError, boolean aborted, int inFlight, Optional<String> inFlightNote) {
        this(name, completed, errors, elapsed, latency, firstError, aborted, inFlight, inFlightNote,
                Optional.empty());
    }

    /** A run with one operation outstanding per thread. */
    public RunResult(String name, long completed, long errors, Duration elapsed, LatencySummary latency,
            Optional<String> firstError, boolean aborted) {
        this(name, completed, errors, elapsed, latency, firstError, aborted, 1, Optional.empty());
    }

    /** A contender that could not run at all: every message counts as an error, the reason is its first error. */
    public static RunResult failed(String name, LoadSpec spec, Exception why) {
        String message = why.getMessage();
        return new RunResult(name, 0, spec.messages(), Duration.ZERO, new LatencySummary(0, 0, 0, 0, 0),
                Optional.of(why.getClass().getSimpleName() + (message == null ? "" : ": " + message)), true);
    }

    /** This result, saying that it ran with {@code inFlight} outstanding per thread, and why. */
    public RunResult withInFlight(int inFlight, String why) {
        return new RunResult(name, completed, errors, elapsed, latency, firstError, aborted, inFlight,
                Optional.of(why), resources);
    }

    /** Completed operations per second. */
    public double rate() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : completed / seconds;
    }

    /** How many times faster than {@code other} this run was, by rate; empty when {@code other} has no rate. */
    public Optional<Double> ratioTo(RunResult other) {
        return other.rate() <= 0 ? Optional.empty() : Optional.of(rate() / other.rate());
    }
}
