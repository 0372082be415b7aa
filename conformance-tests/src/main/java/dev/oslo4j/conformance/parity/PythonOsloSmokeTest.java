package dev.oslo4j.conformance.parity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Assumptions;

import dev.oslo4j.conformance.broker.BrokerUnderTest;
import dev.oslo4j.conformance.broker.OnEveryBroker;

/**
 * Python oslo.messaging 14 with its default options (AMQPLAIN login, {@code expiration} on calls,
 * {@code x-expires} reply and fanout queues) does an RPC call, a cast, a fanout cast, a server-directed
 * cast and a notification through the broker. Needs {@code /usr/bin/python3} with oslo.messaging; skipped
 * with one line when it is missing, unless {@code OSLO4J_REQUIRE_PYTHON=1}.
 */
class PythonOsloSmokeTest {

    private static final String PYTHON = "/usr/bin/python3";
    private static final AtomicBoolean SKIP_REPORTED = new AtomicBoolean();

    @OnEveryBroker(dedicated = true)
    void pythonOsloMessagingWorksWithItsDefaults(BrokerUnderTest broker) throws Exception {
        requirePython();
        Path script = Files.createTempFile("oslo4j-smoke", ".py");
        try {
            try (InputStream in = PythonOsloSmokeTest.class.getResourceAsStream("oslo_smoke.py")) {
                Files.write(script, in.readAllBytes());
            }
            Process process = new ProcessBuilder(PYTHON, script.toString(), broker.transportUrl(),
                    broker.uniqueName("py").replace("oslo4j-conf-", ""))
                    .redirectErrorStream(false).start();
            boolean finished = process.waitFor(90, TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertThat(finished).as("the Python peer finished within 90 s; stderr:%n%s", err).isTrue();
            assertThat(process.exitValue()).as("exit status; stdout: %s%nstderr:%n%s", out, err).isZero();
            assertThat(out).contains("\"login_method\": \"AMQPLAIN\"")
                    .contains("\"call\": \"hello from python\"")
                    .contains("\"cast\"").contains("\"fanout\"").contains("\"server-cast\"")
                    .contains("\"event_type\": \"oslo4j.smoke.event\"");
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private static void requirePython() throws IOException, InterruptedException {
        String reason = null;
        if (!Files.isExecutable(Path.of(PYTHON))) {
            reason = PYTHON + " is missing";
        } else {
            Process probe = new ProcessBuilder(PYTHON, "-c", "import oslo_messaging").redirectErrorStream(true).start();
            if (!probe.waitFor(60, TimeUnit.SECONDS) || probe.exitValue() != 0) {
                probe.destroyForcibly();
                reason = PYTHON + " cannot import oslo_messaging (install python3-oslo.messaging)";
            }
        }
        if (reason == null) {
            return;
        }
        String required = System.getenv("OSLO4J_REQUIRE_PYTHON");
        if ("1".equals(required) || "true".equalsIgnoreCase(required)) {
            throw new AssertionError(reason + ", and OSLO4J_REQUIRE_PYTHON=1 requires it");
        }
        if (SKIP_REPORTED.compareAndSet(false, true)) {
            System.err.println("oslo4j conformance: " + reason + "; Python interop tests are skipped "
                    + "(OSLO4J_REQUIRE_PYTHON=1 makes this a failure)");
        }
        Assumptions.abort(reason);
    }
}
