package dev.oslo4j.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a program with a deadline and returns what it printed (stdout and stderr together). */
public final class ExternalCommand {

    private ExternalCommand() {
    }

    /**
     * Runs {@code command}; fails with its output when it exits non-zero or is still running after {@code timeout}
     * (then it is killed).
     */
    public static String run(List<String> command, Duration timeout) {
        String shown = String.join(" ", command);
        Path out = null;
        try {
            // Output goes to a file: a long listing can exceed the pipe buffer and stall the program.
            out = Files.createTempFile("oslo4j-command", ".out");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(shown + " did not finish in " + timeout.toSeconds() + " s; it printed: "
                        + Files.readString(out, StandardCharsets.UTF_8).strip());
            }
            String output = Files.readString(out, StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                throw new IllegalStateException(shown + " failed (exit " + process.exitValue() + "): " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + shown, e);
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException ignored) {
                    // a temporary file; the OS cleans up
                }
            }
        }
    }
}
