package dev.oslo4j.cli.conformance;

import java.time.Duration;
import java.util.Optional;

/**
 * One test's result as the table shows it.
 *
 * @param name   the class's and the test's display names, e.g. {@code RpcInteropTest > call reaches Python [rabbitmq]}
 * @param reason why it failed or was skipped (first line), empty when it passed
 */
public record TestOutcome(Status status, String name, Duration duration, Optional<String> reason) {

    /** What happened to a test. */
    public enum Status {
        PASS, FAIL, SKIP
    }
}
