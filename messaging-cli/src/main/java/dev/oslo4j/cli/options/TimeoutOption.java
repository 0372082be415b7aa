package dev.oslo4j.cli.options;

import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --timeout SECONDS} of {@code call} (the reply) and {@code cast} (the broker's confirm); exit 2 past it. */
public final class TimeoutOption {
    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "How long to wait: for the reply of a call, for the broker's confirm of a cast "
                    + "(default: 60, oslo's rpc_response_timeout; fractions allowed). Exit 2 when it passes.")
    double seconds = 60;

    /** The timeout; zero, negative or absurd values are a usage error naming {@code --timeout}. */
    public Duration duration() {
        return Seconds.positive(seconds, "--timeout");
    }

    /** As given, for messages ({@code 0.5}, {@code 60}). */
    public String text() {
        return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
    }
}
