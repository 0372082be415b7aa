package dev.oslo4j.cli;

/**
 * Ends a command with a given exit code and a one-line reason printed on stderr. Commands throw it instead of
 * calling {@code System.exit}, so they run the same in-process (tests) and as a process.
 */
public final class CliFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public CliFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public CliFailure(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** Bad usage or configuration (exit 3). */
    public static CliFailure usage(String message) {
        return new CliFailure(ExitCodes.USAGE, message);
    }

    public int exitCode() {
        return exitCode;
    }
}
