package dev.oslo4j.messaging.dispatch;

import dev.oslo4j.messaging.MessagingException;
import dev.oslo4j.messaging.OsloFailure;

/**
 * A request the dispatcher cannot run, reported to the caller under the Python built-in exception Python's
 * dispatcher would raise in the same situation (wrong arguments → {@code TypeError}, bad version string →
 * {@code ValueError}), so Python clients see the class they would see from a Python server.
 */
public final class DispatchError extends MessagingException implements OsloFailure {

    private final String pythonClass;

    private DispatchError(String pythonClass, String message) {
        super(message);
        this.pythonClass = pythonClass;
    }

    public static DispatchError typeError(String message) {
        return new DispatchError("TypeError", message);
    }

    public static DispatchError valueError(String message) {
        return new DispatchError("ValueError", message);
    }

    @Override
    public String failureModule() {
        return "builtins";
    }

    @Override
    public String failureClass() {
        return pythonClass;
    }
}
