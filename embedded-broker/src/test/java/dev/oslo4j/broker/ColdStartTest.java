package dev.oslo4j.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * A cold JVM that starts the embedded broker and connects does not load BouncyCastle (the auto-generated
 * key store type, whose availability check loads it, is hidden from Broker-J) and reports its figures.
 * Functional only: timings are the benchmark's business.
 */
class ColdStartTest {

    @Test
    void aColdStartDoesNotLoadBouncyCastle() throws Exception {
        Process process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "-Dlogback.configurationFile=dev/oslo4j/broker/tools/bench-logback.xml",
                "-cp", System.getProperty("java.class.path"),
                "dev.oslo4j.broker.tools.ColdStartProbe"))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("probe finished; output:%n%s", output).isTrue();
        assertThat(process.exitValue()).as("exit status; output:%n%s", output).isZero();
        assertThat(output).contains("oslo4j-bench ").contains("\"bouncyCastleLoaded\":\"no\"")
                .contains("\"jvmToConnectionMs\":");
    }
}
