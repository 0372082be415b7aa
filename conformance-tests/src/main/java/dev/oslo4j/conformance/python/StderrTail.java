package dev.oslo4j.conformance.python;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/** Drains a peer's stderr on its own thread, keeping the last lines for failure messages. */
final class StderrTail {
    private static final int MAX_LINES = 60;
    private final Deque<String> lines = new ArrayDeque<>();
    private final Thread reader;

    StderrTail(InputStream stderr, String threadName) {
        reader = new Thread(() -> drain(stderr), threadName);
        reader.setDaemon(true);
        reader.start();
    }

    private void drain(InputStream stderr) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stderr, StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                synchronized (lines) {
                    lines.addLast(line);
                    if (lines.size() > MAX_LINES) {
                        lines.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // the process is gone; what was read so far is the tail
        }
    }

    /** The last lines printed, newest last. */
    String tail() {
        synchronized (lines) {
            return lines.isEmpty() ? "(nothing on stderr)" : String.join("\n", lines);
        }
    }

    void join(long millis) throws InterruptedException {
        reader.join(millis);
    }
}
