package dev.oslo4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Python oslo.messaging peer script from the test resources, run as a process: config in the environment,
 * READY on stdout once consuming, then JSON lines; stdin closing stops it.
 */
final class PythonProcess implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Path dir;

    private PythonProcess(Process process, Path dir) {
        this.process = process;
        this.dir = dir;
        Thread reader = new Thread(this::read, "python-peer-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    static PythonProcess start(String script, Map<String, Object> config) throws Exception {
        TestEnvironment.requirePython();
        Path dir = Files.createTempDirectory("oslo4j-cli-python");
        Path file = dir.resolve(script);
        try (InputStream in = PythonProcess.class.getResourceAsStream("/python/" + script)) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        ProcessBuilder builder = new ProcessBuilder(TestEnvironment.PYTHON.toString(), file.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("OSLO4J_TEST_CONFIG", JSON.writeValueAsString(config));
        PythonProcess peer = new PythonProcess(builder.start(), dir);
        String first = peer.nextLine(Duration.ofSeconds(30));
        if (!"READY".equals(first)) {
            peer.close();
            throw new AssertionError("the Python peer " + script + " did not start: " + first);
        }
        return peer;
    }

    private void read() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            // The process ended; close() reports nothing more.
        }
    }

    /** The next stdout line, or null when none came within {@code timeout}. */
    String nextLine(Duration timeout) throws InterruptedException {
        return lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next JSON line; fails when none came within 10 s. */
    JsonNode nextJson() throws Exception {
        String line = nextLine(Duration.ofSeconds(10));
        if (line == null) {
            throw new AssertionError("the Python peer printed nothing within 10 s");
        }
        return JSON.readTree(line);
    }

    @Override
    public void close() throws Exception {
        process.getOutputStream().close();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
