package example.inventory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code python_peer.py} (test resources) run by Debian's Python oslo.messaging; its stdout is read line by line.
 * Closing it kills the process.
 */
final class PythonPeer implements AutoCloseable {

    static final String PYTHON = System.getenv().getOrDefault("OSLO4J_PYTHON", "/usr/bin/python3");
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> output = new ArrayList<>();

    private PythonPeer(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(PYTHON, script().toString()));
        command.addAll(List.of(args));
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process was killed
            }
        }, "python-peer-output");
        reader.setDaemon(true);
        reader.start();
    }

    static PythonPeer start(String... args) throws IOException {
        return new PythonPeer(args);
    }

    /** Runs a peer to completion and returns its last output line. */
    static String run(String... args) throws IOException, InterruptedException {
        try (PythonPeer peer = new PythonPeer(args)) {
            if (!peer.process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("python peer " + List.of(args) + " did not finish within " + WAIT);
            }
            peer.drain();
            if (peer.process.exitValue() != 0) {
                throw new AssertionError("python peer " + List.of(args) + " exited " + peer.process.exitValue()
                        + ":\n" + String.join("\n", peer.output));
            }
            return peer.output.isEmpty() ? "" : peer.output.get(peer.output.size() - 1);
        }
    }

    /** The next output line that contains {@code text}, waiting up to 60 s. */
    String awaitLine(String text) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null) {
                output.add(line);
                if (line.contains(text)) {
                    return line;
                }
            } else if (!process.isAlive() && lines.isEmpty()) {
                break;
            }
        }
        throw new AssertionError("python peer printed no line with '" + text + "' within " + WAIT
                + (process.isAlive() ? "" : " (it exited " + process.exitValue() + ")") + "; output:\n"
                + String.join("\n", output));
    }

    private void drain() throws InterruptedException {
        // the reader thread ends with the process's output; give it a moment to hand over the last lines
        for (String line; (line = lines.poll(500, TimeUnit.MILLISECONDS)) != null; ) {
            output.add(line);
        }
    }

    private static Path script() {
        try {
            return Paths.get(PythonPeer.class.getResource("/python_peer.py").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
}
