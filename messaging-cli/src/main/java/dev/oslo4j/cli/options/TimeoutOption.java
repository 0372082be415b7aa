package dev.oslo4j.cli.options;

import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --timeout SECONDS} of {@code call} (the reply) and {@code cast} (the broker's confirm); exit 2 past it. */
public final class TimeoutOption {
    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "How long to wait: for the reply of a call, for the broker's confirm of a cast (default: "
                    + "rpc_response_timeout of the --config-file files, else oslo's 60; fractions allowed). "
                    + "Exit 2 when it passes.")
    Double seconds;

    /** The timeout given, else {@code otherwise}; zero, negative or absurd values are a usage error. */
    public Duration duration(Duration otherwise) {
        return seconds != null ? Seconds.positive(seconds, "--timeout") : otherwise;
    }
}
