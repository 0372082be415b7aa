package dev.oslo4j.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oslo4j.cli.bench.python.PythonContender;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How the summary shows in-flight: unchanged at 1, and Python's one-at-a-time said plainly above 1. */
class BenchReportTest {
    private static final LatencySummary LATENCY = new LatencySummary(1, 2, 3, 4, 1.5);

    private static LoadSpec spec(int inFlight) {
        return new LoadSpec(1000, 4, 100, 100, Duration.ofSeconds(30), 10, inFlight);
    }

    private static RunResult result(String name, long completed, int inFlight) {
        return new RunResult(name, completed, 0, Duration.ofSeconds(1), LATENCY, Optional.empty(), false,
                inFlight, Optional.empty());
    }

    @Test
    void oneInFlightKeepsTheHeaderAsBefore() {
        BenchReport report = new BenchReport(BenchPattern.RPC_CAST, "embedded", spec(1),
                List.of(result("oslo4j", 1000, 1), result("python oslo.messaging", 100, 1)));

        assertThat(report.text()).startsWith(
                "bench rpc-cast on embedded: 1000 messages, 4 threads, 100 payload bytes, 100 warm-up"
                        + System.lineSeparator())
                .doesNotContain("in flight").doesNotContain("note:")
                .contains("oslo4j / python oslo.messaging: 10.00x the rate" + System.lineSeparator());
        assertThat(report.json()).containsEntry("in_flight", 1);
    }

    @Test
    void pipelinedRunsShowTheirInFlightAndWhyPythonRanOneAtATime() {
        RunResult python = result("python oslo.messaging", 100, 1).withInFlight(1, PythonContender.BLOCKING_API);
        BenchReport report = new BenchReport(BenchPattern.NOTIFY, "embedded", spec(32),
                List.of(result("oslo4j", 2000, 32), result("raw amqp-client", 2500, 32), python));

        assertThat(report.text())
                .contains("100 warm-up, 32 in flight per thread" + System.lineSeparator())
                .contains("note: python oslo.messaging: in-flight 1 (its API blocks per message)")
                .contains("oslo4j / raw amqp-client: 0.80x the rate" + System.lineSeparator())
                .contains("oslo4j / python oslo.messaging: 20.00x the rate (in-flight 32 vs 1)");
        Map<String, Object> json = report.json();
        assertThat(json).containsEntry("in_flight", 32);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) json.get("results");
        assertThat(results).extracting(r -> r.get("in_flight")).containsExactly(32, 32, 1);
        assertThat(results.get(2)).containsEntry("in_flight_note", "its API blocks per message");
        assertThat(results.get(0)).containsEntry("in_flight_note", null);
    }

    @Test
    void inProcessContendersReportWhatTheyCostTheJvmPerMessage() {
        RunResult oslo4j = new RunResult("oslo4j", 1000, 0, Duration.ofSeconds(1), LATENCY, Optional.empty(), false,
                1, Optional.empty(), Optional.of(new ResourceUse(31.5, 1.5)));
        BenchReport report = new BenchReport(BenchPattern.NOTIFY, "embedded", spec(1),
                List.of(oslo4j, result("python oslo.messaging", 100, 1)));

        assertThat(report.text()).contains("oslo4j: 31.5 us CPU and 1.50 context switches per message in this JVM")
                .doesNotContain("python oslo.messaging: 0");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) report.json().get("results");
        assertThat(results.get(0)).containsEntry("cpu_us_per_msg", 31.5).containsEntry("context_switches_per_msg", 1.5);
        assertThat(results.get(1)).containsEntry("cpu_us_per_msg", null);
    }
}
