package dev.oslo4j.cli.bench.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oslo4j.cli.JsonOutput;
import dev.oslo4j.cli.bench.BenchPattern;
import dev.oslo4j.cli.bench.BenchTopology;
import dev.oslo4j.cli.bench.LatencySummary;
import dev.oslo4j.cli.bench.LoadSpec;
import dev.oslo4j.cli.bench.RunResult;
import dev.oslo4j.messaging.wire.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the same benchmark pattern with Python oslo.messaging ({@code /usr/bin/python3}, or
 * {@code OSLO4J_PYTHON}) through the bundled {@code python_bench.py}, so that oslo4j and Python are measured
 * in one run on one broker. The transport URL travels in the environment, not on the command line, to keep
 * its password out of the process list.
 */
public final class PythonBaseline {
    /** What the report calls this contender. */
    public static final String NAME = "python oslo.messaging";

    private static final String SCRIPT = "/dev/oslo4j/cli/bench/python_bench.py";

    private final Path python;

    public PythonBaseline(Path python) {
        this.python = python;
    }

    /** The interpreter named by {@code OSLO4J_PYTHON}, else Debian's {@code /usr/bin/python3}. */
    public static PythonBaseline fromEnvironment() {
        return new PythonBaseline(Path.of(System.getenv().getOrDefault("OSLO4J_PYTHON", "/usr/bin/python3")));
    }

    /**
     * Runs {@code pattern} with {@code spec} against {@code url} on {@code topology}, which the caller deletes
     * afterwards.
     *
     * @throws PythonBaselineException when Python or oslo.messaging is missing or the script fails
     */
    public RunResult run(BenchPattern pattern, LoadSpec spec, String url, BenchTopology topology,
            Duration callTimeout) throws InterruptedException {
        if (!Files.isExecutable(python)) {
            throw new PythonBaselineException("the Python baseline needs " + python
                    + " with oslo.messaging (Debian: apt-get install python3-oslo.messaging)");
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("oslo4j-bench-python");
            Path script = dir.resolve("python_bench.py");
            try (InputStream in = PythonBaseline.class.getResourceAsStream(SCRIPT)) {
                Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
            }
            return execute(pattern, spec, config(spec, url, topology, callTimeout), script);
        } catch (IOException e) {
            throw new PythonBaselineException("cannot run the Python baseline: " + e.getMessage(), e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private RunResult execute(BenchPattern pattern, LoadSpec spec, String config, Path script)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(python.toString(), script.toString(), pattern.command());
        builder.environment().put("OSLO4J_BENCH_CONFIG", config);
        Process process = builder.start();
        // stdin stays open until the run ends: the script exits when it closes, so that a killed JVM does
        // not leave Python processes behind.
        CompletableFuture<byte[]> stdout = readAll(process.getInputStream());
        CompletableFuture<byte[]> stderr = readAll(process.getErrorStream());
        // Generous: Python does about a thousand calls a second here; never wait forever though.
        long limitSeconds = 120 + (spec.messages() + spec.warmup()) / 100 + spec.drainTimeout().toSeconds();
        try {
            if (!process.waitFor(limitSeconds, TimeUnit.SECONDS)) {
                throw new PythonBaselineException("the Python baseline did not finish within " + limitSeconds + " s");
            }
        } finally {
            process.getOutputStream().close();
            if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
        }
        String out = new String(stdout.join(), StandardCharsets.UTF_8).strip();
        String err = new String(stderr.join(), StandardCharsets.UTF_8).strip();
        if (process.exitValue() != 0 || out.isEmpty()) {
            throw new PythonBaselineException("the Python baseline failed (exit " + process.exitValue() + "): "
                    + tail(err));
        }
        String lastLine = out.substring(out.lastIndexOf('\n') + 1);
        return parseResult(Json.parse(lastLine));
    }

    /** The script's result line as a {@link RunResult}. */
    public static RunResult parseResult(JsonNode result) {
        JsonNode latency = result.path("latency_ms");
        JsonNode firstError = result.path("first_error");
        return new RunResult(NAME, result.path("completed").asLong(), result.path("errors").asLong(),
                Duration.ofNanos((long) (result.path("elapsed_s").asDouble() * 1e9)),
                new LatencySummary(latency.path("p50").asDouble(), latency.path("p90").asDouble(),
                        latency.path("p99").asDouble(), latency.path("max").asDouble(),
                        latency.path("mean").asDouble()),
                firstError.isTextual() ? Optional.of(firstError.asText()) : Optional.empty(), false);
    }

    private static String config(LoadSpec spec, String url, BenchTopology topology, Duration timeout) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("url", url);
        config.put("exchange", topology.exchange());
        config.put("topic", topology.topic());
        config.put("server", topology.server());
        config.put("messages", spec.messages());
        config.put("threads", spec.threads());
        config.put("payload_bytes", spec.payloadBytes());
        config.put("warmup", spec.warmup());
        config.put("timeout", Math.max(1, Math.max(timeout.toSeconds(), spec.drainTimeout().toSeconds())));
        return JsonOutput.line(config);
    }

    private static CompletableFuture<byte[]> readAll(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                stream.transferTo(buffer);
                return buffer.toByteArray();
            } catch (IOException e) {
                return new byte[0];
            }
        });
    }

    private static String tail(String text) {
        String[] lines = text.split("\n");
        int from = Math.max(0, lines.length - 5);
        return text.isEmpty() ? "(no output)" : String.join(" | ", java.util.Arrays.copyOfRange(lines, from, lines.length));
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temp file is not worth failing a finished benchmark for.
        }
    }
}
