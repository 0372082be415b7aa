package dev.oslo4j.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oslo4j.cli.bench.python.PythonBaseline;
import dev.oslo4j.cli.bench.python.PythonBaselineException;
import dev.oslo4j.cli.bench.raw.RawBroker;
import java.nio.file.Path;
import java.time.Duration;
import dev.oslo4j.messaging.TransportURL;
import dev.oslo4j.testsupport.Requirements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PythonBaselineTest {

    @Test
    void parsesTheScriptsResultLine() throws Exception {
        RunResult result = PythonBaseline.parseResult(new ObjectMapper().readTree(
                "{\"completed\": 90, \"errors\": 10, \"elapsed_s\": 0.5, \"latency_ms\": {\"p50\": 1.5, \"p90\": 2.0,"
                        + " \"p99\": 3.0, \"max\": 9.0, \"mean\": 1.7}, \"first_error\": \"MessagingTimeout: x\"}"));
        assertThat(result.name()).isEqualTo("python oslo.messaging");
        assertThat(result.rate()).isEqualTo(180.0);
        assertThat(result.latency()).isEqualTo(new LatencySummary(1.5, 2.0, 3.0, 9.0, 1.7));
        assertThat(result.firstError()).hasValue("MessagingTimeout: x");
    }

    @Test
    void aMissingInterpreterIsExplained() {
        PythonBaseline missing = new PythonBaseline(Path.of("/nonexistent/python3"));
        assertThatThrownBy(() -> missing.run(BenchPattern.RPC_CALL, new LoadSpec(1, 1, 1, 0, Duration.ofSeconds(1), 1),
                Requirements.rabbitMqUrl(), BenchTopology.fresh("x"), Duration.ofSeconds(1)))
                .isInstanceOf(PythonBaselineException.class)
                .hasMessageContaining("/nonexistent/python3")
                .hasMessageContaining("python3-oslo.messaging");
    }

    @ParameterizedTest
    @EnumSource(BenchPattern.class)
    void pythonOsloMessagingRunsEachPatternOnRabbitMq(BenchPattern pattern) throws Exception {
        String url = Requirements.requireRabbitMq();
        Requirements.requirePython();
        BenchTopology topology = BenchTopology.fresh("pytest");
        try {
            RunResult result = PythonBaseline.fromEnvironment().run(pattern,
                    new LoadSpec(200, 2, 32, 20, Duration.ofSeconds(20), 10), url, topology, Duration.ofSeconds(20));
            assertThat(result.errors()).as(result.firstError().orElse("")).isZero();
            assertThat(result.completed()).isEqualTo(200);
            assertThat(result.rate()).isPositive();
        } finally {
            topology.delete(RawBroker.forUrl(TransportURL.parse(url)));
        }
    }
}
