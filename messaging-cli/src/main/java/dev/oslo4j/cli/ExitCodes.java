package dev.oslo4j.cli;

/**
 * The exit codes of every {@code oslo4j} command. Scripts depend on them, so they never change meaning.
 */
public final class ExitCodes {
    /** The command did what was asked. */
    public static final int OK = 0;
    /**
     * The operation failed: the remote endpoint raised, the broker refused a message, a conformance test
     * failed, a benchmark had errors.
     */
    public static final int FAILED = 1;
    /** A deadline passed first: a call got no reply in time, {@code listen} saw fewer than {@code --count}. */
    public static final int TIMEOUT = 2;
    /**
     * Bad usage or configuration: unknown option, malformed JSON argument, invalid transport URL, or a broker
     * that cannot be reached or refuses the credentials. The reason is on stderr.
     */
    public static final int USAGE = 3;

    private ExitCodes() {
    }
}
