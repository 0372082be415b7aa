package dev.oslo4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.oslo4j.testsupport.PythonProcess;
import dev.oslo4j.testsupport.Requirements;

/**
 * A Python oslo.messaging peer script from the test resources ({@code /python/*.py}): config in the environment
 * ({@code OSLO4J_TEST_CONFIG}), READY on stdout once consuming, then JSON lines; stdin closing stops it. The process
 * itself (clean environment, stderr tail, kill on close) is test-support's {@link PythonProcess}.
 */
final class PythonPeer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final PythonProcess<String> process;

    private PythonPeer(PythonProcess<String> process) {
        this.process = process;
    }

    static PythonPeer start(String script, Map<String, Object> config) throws Exception {
        Requirements.requirePython();
        Path file = Path.of(PythonPeer.class.getResource("/python/" + script).toURI());
        PythonPeer peer = new PythonPeer(PythonProcess.start(script, file, List.of(),
                Map.of("OSLO4J_TEST_CONFIG", JSON.writeValueAsString(config)), null, line -> line));
        String first = peer.nextLine(Duration.ofSeconds(30));
        if (!"READY".equals(first)) {
            peer.close();
            throw new AssertionError("the Python peer " + script + " did not start: " + first + "; stderr tail:\n"
                    + peer.process.stderrTail());
        }
        return peer;
    }

    /** The next stdout line, or null when none came within {@code timeout}. */
    String nextLine(Duration timeout) throws InterruptedException {
        return process.next(timeout);
    }

    /** The next JSON line; fails when none came within 10 s. */
    JsonNode nextJson() throws Exception {
        String line = nextLine(Duration.ofSeconds(10));
        if (line == null) {
            throw new AssertionError(process + " printed nothing within 10 s; stderr tail:\n" + process.stderrTail());
        }
        return JSON.readTree(line);
    }

    @Override
    public void close() {
        process.close(STOP_GRACE);
    }
}
