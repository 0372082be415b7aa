package dev.oslo4j.cli.options;

import dev.oslo4j.cli.CliFailure;
import dev.oslo4j.cli.StopSignal;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * {@code --count N} and {@code --timeout SECONDS} of the commands that print what they receive until stopped
 * ({@code listen}, {@code tap}): how long they run, and whether the count fell short.
 */
public final class CountTimeoutOptions {
    @Option(names = "--count", paramLabel = "N", description = "Exit after N printed lines.")
    Integer count;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Exit after this long.")
    Double timeoutSeconds;

    /** Rejects a {@code --count} below 1 or a {@code --timeout} that is not positive: call before any work. */
    public void check() {
        if (count != null && count < 1) {
            throw CliFailure.usage("--count must be at least 1, not " + count);
        }
        timeout();
    }

    /** {@code --count}, or null. */
    public Integer count() {
        return count;
    }

    private Duration timeout() {
        return timeoutSeconds == null ? null : Seconds.positive(timeoutSeconds, "--timeout");
    }

    /**
     * Waits until {@code done} fires (or {@code --timeout} passes); true when the wait ended with too few of
     * {@code --count} lines printed by then (per {@code printed}).
     */
    public boolean awaitFellShort(StopSignal done, java.util.function.IntSupplier printed)
            throws InterruptedException {
        Duration timeout = timeout();
        if (timeout == null) {
            done.await();
            return false;
        }
        return !done.await(timeout) && count != null && printed.getAsInt() < count;
    }

    /** The {@code --timeout} as given, for messages. */
    public Double timeoutSeconds() {
        return timeoutSeconds;
    }
}
