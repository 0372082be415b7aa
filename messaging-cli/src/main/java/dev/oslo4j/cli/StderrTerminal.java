package dev.oslo4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Whether the process's stderr is a terminal, which decides whether progress bars (redrawn with {@code \r}) are
 * drawn. {@code System.console()} cannot tell: it looks at stdin and stdout, so {@code oslo4j bench 2>log} would
 * fill the log with control characters and {@code oslo4j bench >out.json} would hide the bar.
 *
 * <p>The {@code ./oslo4j} launcher answers with the shell's {@code [ -t 2 ]} in {@code OSLO4J_STDERR_TTY}
 * ({@code 1} or {@code 0}), which works on every Unix. Without it ({@code java -jar} run directly), Linux's
 * {@code /proc/self/fd/2} names what fd 2 is: a terminal is a {@code /dev/pts/N}, {@code /dev/ttyX} or
 * {@code /dev/console}. Anywhere else the answer is "no": no bar is better than garbage in a file.
 */
public final class StderrTerminal {
    /** Set by ./oslo4j: 1 when stderr is a terminal, 0 when it is not. */
    public static final String ENV = "OSLO4J_STDERR_TTY";
    private static final Path FD2 = Path.of("/proc/self/fd/2");

    private StderrTerminal() {
    }

    /** Whether this process's stderr is a terminal. */
    public static boolean isTerminal() {
        return isTerminal(System.getenv(), FD2);
    }

    static boolean isTerminal(Map<String, String> env, Path fd2) {
        String declared = env.get(ENV);
        if ("1".equals(declared)) {
            return true;
        }
        if ("0".equals(declared)) {
            return false;
        }
        try {
            String target = Files.readSymbolicLink(fd2).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
