package dev.oslo4j.cli;

import dev.oslo4j.messaging.BrokerConnectionError;
import dev.oslo4j.messaging.InvalidConfiguration;
import dev.oslo4j.messaging.InvalidTarget;
import dev.oslo4j.messaging.MessagingTimeout;
import dev.oslo4j.messaging.OsloFailure;
import dev.oslo4j.messaging.RemoteError;
import dev.oslo4j.messaging.RpcVersionCapError;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the commands report oslo4j's exceptions: the exit code each one means, and the
 * {@code {"error": {"class", "module", "message"}}} document that {@code call}/{@code cast} print on stdout,
 * naming failures as Python oslo.messaging does.
 */
public final class MessagingFailures {
    private static final String OSLO_EXCEPTIONS = "oslo_messaging.exceptions";

    private MessagingFailures() {
    }

    /** The exit code for a failure: timeout 2; configuration, target and unreachable broker 3; the rest 1. */
    public static int exitCode(Throwable failure) {
        if (failure instanceof MessagingTimeout) {
            return ExitCodes.TIMEOUT;
        }
        if (failure instanceof InvalidConfiguration || failure instanceof InvalidTarget
                || failure instanceof RpcVersionCapError || failure instanceof BrokerConnectionError) {
            return ExitCodes.USAGE;
        }
        return ExitCodes.FAILED;
    }

    /** Whether the failure is a result to print on stdout (remote failure, timeout), not a usage problem. */
    public static boolean isOutcome(Throwable failure) {
        return failure instanceof OsloFailure || failure instanceof MessagingTimeout;
    }

    /** {@code {"error": {"class": C, "module": M, "message": MSG}}} for an outcome failure. */
    public static Map<String, Object> errorDocument(Throwable failure) {
        Map<String, Object> error = new LinkedHashMap<>();
        if (failure instanceof RemoteError remote) {
            error.put("class", remote.exceptionClass());
            error.put("module", remote.module());
            error.put("message", remote.value());
        } else if (failure instanceof OsloFailure oslo) {
            error.put("class", oslo.failureClass());
            error.put("module", oslo.failureModule());
            error.put("message", failure.getMessage());
        } else {
            error.put("class", failure.getClass().getSimpleName());
            error.put("module", OSLO_EXCEPTIONS);
            error.put("message", failure.getMessage());
        }
        return Map.of("error", error);
    }
}
