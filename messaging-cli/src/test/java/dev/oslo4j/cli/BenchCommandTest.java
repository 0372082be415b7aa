package dev.oslo4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.oslo4j.testsupport.Requirements;

/** {@code oslo4j bench}: real (small) runs print the summary shapes; bad options are usage errors. */
class BenchCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"rpc-call", "rpc-cast"})
    void jsonSummaryComparesOslo4jWithTheRawBaseline(String pattern) throws Exception {
        String url = Requirements.requireRabbitMq();
        CliRun run = CliRun.of("bench", pattern, "--url", url, "--messages", "300", "--threads", "2",
                "--exact-warmup", "--payload-bytes", "64", "--baseline", "raw", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.path("pattern").asText()).isEqualTo(pattern);
        assertThat(report.path("broker").asText()).isEqualTo("rabbit://guest:****@127.0.0.1:5672/");
        assertThat(report.path("messages").asLong()).isEqualTo(300);
        assertThat(report.path("warmup").asLong()).isEqualTo(30);
        JsonNode results = report.path("results");
        assertThat(results).hasSize(2);
        assertThat(results.get(0).path("name").asText()).isEqualTo("oslo4j");
        assertThat(results.get(1).path("name").asText()).isEqualTo("raw amqp-client");
        for (JsonNode result : results) {
            assertThat(result.path("completed").asLong()).as(result.toString()).isEqualTo(300);
            assertThat(result.path("errors").asLong()).isZero();
            assertThat(result.path("rate").asDouble()).isPositive();
            assertThat(result.path("latency_ms").path("p99").asDouble())
                    .isGreaterThanOrEqualTo(result.path("latency_ms").path("p50").asDouble());
        }
        assertThat(report.path("ratios").path("raw amqp-client").asDouble()).isPositive();
    }

    @Test
    void textSummaryHasATableAndTheRatioToPython() {
        String url = Requirements.requireRabbitMq();
        Requirements.requirePython();
        CliRun run = CliRun.of("bench", "rpc-call", "--url", url, "--messages", "100", "--warmup", "10",
                "--exact-warmup", "--baseline", "python");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("bench rpc-call on rabbit://guest:****@127.0.0.1:5672/: 100 messages")
                .contains("msg/s").contains("p50 ms").contains("p99 ms").contains("max ms").contains("errors")
                .containsPattern("(?m)^oslo4j +\\d+")
                .containsPattern("(?m)^python oslo.messaging +\\d+")
                .containsPattern("oslo4j / python oslo.messaging: \\d+\\.\\d\\dx the rate");
        assertThat(run.err()).as("no progress bar without a terminal").isEmpty();
    }

    @Test
    void badLoadIsBadUsage() {
        CliRun run = CliRun.of("bench", "rpc-call", "--url", Requirements.rabbitMqUrl(), "--messages", "0");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--messages must be at least 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rpc-call", "rpc-cast", "notify"})
    void pipelinedRunOnTheEmbeddedBrokerCompletesWithoutErrors(String pattern) throws Exception {
        String url = TestEnvironment.broker(TestEnvironment.EMBEDDED);
        CliRun run = CliRun.of("bench", pattern, "--url", url, "--messages", "400", "--threads", "2",
                "--exact-warmup", "--in-flight", "16", "--payload-bytes", "64", "--baseline", "raw", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.path("in_flight").asInt()).isEqualTo(16);
        JsonNode results = report.path("results");
        assertThat(results).hasSize(2);
        for (JsonNode result : results) {
            assertThat(result.path("errors").asLong()).as(result.toString()).isZero();
            assertThat(result.path("completed").asLong()).as(result.toString()).isEqualTo(400);
            assertThat(result.path("in_flight").asInt()).isEqualTo(16);
            assertThat(result.path("latency_ms").path("p50").asDouble()).isPositive();
        }
    }

    @Test
    void pipelinedTextSummaryShowsInFlight() {
        String url = TestEnvironment.broker(TestEnvironment.EMBEDDED);
        CliRun run = CliRun.of("bench", "notify", "--url", url, "--messages", "200", "--warmup", "0",
                "--in-flight", "8");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains(": 200 messages, 1 threads, 100 payload bytes, 0 warm-up, 8 in flight per thread")
                .containsPattern("(?m)^oslo4j +\\d+");
    }

    @Test
    void pythonRunsOneAtATimeAndSaysSoWhenOslo4jPipelines() throws Exception {
        String url = Requirements.requireRabbitMq();
        Requirements.requirePython();
        CliRun run = CliRun.of("bench", "rpc-cast", "--url", url, "--messages", "200", "--warmup", "20",
                "--exact-warmup", "--in-flight", "8", "--baseline", "python", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode results = JSON.readTree(run.out()).path("results");
        assertThat(results.get(1).path("name").asText()).isEqualTo("python oslo.messaging");
        assertThat(results.get(1).path("in_flight").asInt()).isEqualTo(1);
        assertThat(results.get(1).path("in_flight_note").asText()).isEqualTo("its API blocks per message");
        assertThat(results.get(1).path("completed").asLong()).isEqualTo(200);
        assertThat(results.get(0).path("in_flight").asInt()).isEqualTo(8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", "10001", "many"})
    void badInFlightIsBadUsage(String inFlight) {
        CliRun run = CliRun.of("bench", "rpc-cast", "--url", Requirements.rabbitMqUrl(), "--in-flight", inFlight);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--in-flight");
    }

    @Test
    void unknownBaselineIsBadUsage() {
        CliRun run = CliRun.of("bench", "rpc-cast", "--baseline", "java");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--baseline").contains("RAW");
    }

    @Test
    void brokerBenchmarkPrintsItsFiguresAsJson() throws Exception {
        CliRun run = CliRun.of("bench", "broker", "--cold-runs", "1", "--isolation-samples", "5", "--restarts", "1",
                "--vhost-samples", "2", "--no-stock", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        com.fasterxml.jackson.databind.JsonNode figures = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(run.out().substring(run.out().indexOf('{')));
        assertThat(figures.isObject()).as(run.out()).isTrue();
        assertThat(figures.size()).as(run.out()).isPositive();
    }

    @Test
    void brokerBenchmarkRefusesAnEmptySample() {
        CliRun run = CliRun.of("bench", "broker", "--restarts", "0");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--restarts must be at least 1");
    }

    @Test
    void missingPatternIsBadUsage() {
        CliRun run = CliRun.of("bench");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Missing pattern");
    }

    @ParameterizedTest
    @ValueSource(strings = {"one", "jdk-pool", "direct"})
    void receiversRunOnTheChosenExecutorAndTheRunSaysWhatItCostPerMessage(String executor) {
        String url = TestEnvironment.broker(TestEnvironment.EMBEDDED);
        CliRun run = CliRun.of("bench", "notify", "--url", url, "--messages", "300", "--warmup", "0",
                "--in-flight", "8", "--receiver-executor", executor, "--completion-executor",
                executor.equals("direct") ? "direct" : "pool");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).containsPattern("(?m)^oslo4j +\\d+ .* 0$")
                .containsPattern("(?m)^oslo4j: \\d+\\.\\d us CPU and \\d+\\.\\d\\d context switches per message");
    }

    @Test
    void anUnknownReceiverExecutorIsBadUsage() {
        CliRun run = CliRun.of("bench", "rpc-cast", "--receiver-executor", "fibers");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--receiver-executor: unknown choice 'fibers'; use pool, one, jdk-pool, virtual or direct");
        CliRun completions = CliRun.of("bench", "rpc-cast", "--completion-executor", "fibers");
        assertThat(completions.exitCode()).as(completions.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(completions.err()).contains("--completion-executor: unknown choice 'fibers'; use pool or direct");
    }
}
