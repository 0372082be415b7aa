package dev.oslo4j.conformance.parity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.oslo4j.conformance.broker.BrokerUnderTest;
import dev.oslo4j.conformance.broker.OnEveryBroker;
import dev.oslo4j.testsupport.PythonProcess;
import dev.oslo4j.testsupport.Requirements;

/**
 * Python oslo.messaging 14 with its default options (AMQPLAIN login, {@code expiration} on calls,
 * {@code x-expires} reply and fanout queues) does an RPC call, a cast, a fanout cast, a server-directed
 * cast and a notification through the broker. Needs {@code /usr/bin/python3} with oslo.messaging; skipped
 * with one line when it is missing, unless {@code OSLO4J_REQUIRE_PYTHON=1} (test-support's {@link Requirements}).
 */
class PythonOsloSmokeTest {

    @OnEveryBroker(dedicated = true)
    void pythonOsloMessagingWorksWithItsDefaults(BrokerUnderTest broker) throws Exception {
        Requirements.requirePython();
        Path script = Files.createTempFile("oslo4j-smoke", ".py");
        try {
            try (InputStream in = PythonOsloSmokeTest.class.getResourceAsStream("oslo_smoke.py")) {
                Files.write(script, in.readAllBytes());
            }
            try (PythonProcess<String> process = PythonProcess.start("oslo.messaging smoke", script,
                    List.of(broker.transportUrl(), broker.uniqueName("py").replace("oslo4j-conf-", "")), Map.of(), null,
                    line -> line)) {
                Optional<Integer> exit = process.exitCode(Duration.ofSeconds(90));
                String out = String.join("\n", process.events()).trim();
                String err = process.stderrTail();
                assertThat(exit).as("the Python peer finished within 90 s; stderr:%n%s", err).isPresent();
                assertThat(exit.get()).as("exit status; stdout: %s%nstderr:%n%s", out, err).isZero();
                assertThat(out).contains("\"login_method\": \"AMQPLAIN\"")
                        .contains("\"call\": \"hello from python\"")
                        .contains("\"cast\"").contains("\"fanout\"").contains("\"server-cast\"")
                        .contains("\"event_type\": \"oslo4j.smoke.event\"");
            }
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
