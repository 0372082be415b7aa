package dev.oslo4j.cli.bench.python;

/** The Python baseline could not run or failed; the message says why (missing Python, script error…). */
public final class PythonBaselineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PythonBaselineException(String message) {
        super(message);
    }

    public PythonBaselineException(String message, Throwable cause) {
        super(message, cause);
    }
}
