package dev.oslo4j.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --sweep} parsing, the sweep summary, and {@code --plot}'s PNG and SVG output. */
class SweepTest {

    private static final LoadSpec BASE = new LoadSpec(1000, 1, 100, 100, Duration.ofSeconds(30), 100, 1);

    @Test
    void parameterAloneTakesTheIssuesDefaults() {
        assertThat(Sweep.parse("payload-bytes").values()).containsExactly(100L, 10_240L, 1_048_576L);
        assertThat(Sweep.parse("threads").values()).containsExactly(1L, 8L, 32L, 128L);
        assertThat(Sweep.parse("threads=2,4").values()).containsExactly(2L, 4L);
    }

    @Test
    void eachPointChangesOnlyTheSweptParameter() {
        List<LoadSpec> loads = Sweep.parse("threads=1,8").loads(BASE);
        assertThat(loads).extracting(LoadSpec::threads).containsExactly(1, 8);
        assertThat(loads).extracting(LoadSpec::payloadBytes).containsOnly(100);
        assertThat(Sweep.parse("payload-bytes=10,20").loads(BASE)).extracting(LoadSpec::payloadBytes)
                .containsExactly(10, 20);
    }

    @Test
    void badSweepsNameWhatIsWrong() {
        assertThatThrownBy(() -> Sweep.parse("rate=1")).hasMessageContaining("unknown parameter 'rate'");
        assertThatThrownBy(() -> Sweep.parse("threads=1,x")).hasMessageContaining("'x' is not a whole number");
        assertThatThrownBy(() -> Sweep.parse("threads=0").loads(BASE)).hasMessageContaining("--threads");
        assertThatThrownBy(() -> SweepChart.formatOf(Path.of("chart.jpg"))).hasMessageContaining(".png or .svg");
    }

    @Test
    void summaryHasARowPerValueWithRatesP99sAndRatios() {
        SweepReport report = report();
        String text = report.text();
        assertThat(text).contains("sweep threads of rpc-call")
                .containsPattern("(?m)^ +1 +1000 +2\\.000 +2000 +1\\.000 +0\\.50x$")
                .containsPattern("(?m)^ +8 +4000 +2\\.000 +5000 +1\\.000 +0\\.80x$");
        assertThat(report.json()).containsKey("points");
    }

    @Test
    void plotWritesAPngOrAnSvgChart(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("sweep.png");
        Path svg = dir.resolve("sweep.svg");
        SweepChart.write(report(), png);
        SweepChart.write(report(), svg);

        byte[] head = Files.readAllBytes(png);
        assertThat(head).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        String text = Files.readString(svg, StandardCharsets.UTF_8);
        assertThat(text).contains("<svg").contains("raw amqp-client").contains("client threads");
    }

    @Test
    void aContenderThatCouldNotRunLeavesAGapNotAnAbortedSweep(@TempDir Path dir) throws Exception {
        Sweep sweep = Sweep.parse("payload-bytes=100,1048576");
        List<LoadSpec> loads = sweep.loads(BASE);
        RunResult pythonFailed = RunResult.failed("python oslo.messaging", loads.get(1),
                new java.io.IOException("python3 did not finish within 30 s"));
        SweepReport report = new SweepReport(sweep, List.of(
                new BenchReport(BenchPattern.RPC_CAST, "embedded", loads.get(0),
                        List.of(result("oslo4j", 1000, 2), result("python oslo.messaging", 500, 3))),
                new BenchReport(BenchPattern.RPC_CAST, "embedded", loads.get(1),
                        List.of(result("oslo4j", 40, 20), pythonFailed))));

        assertThat(report.errors()).isEqualTo(BASE.messages());
        assertThat(report.text())
                .contains("python oslo.messaging first error: IOException: python3 did not finish within 30 s")
                .containsPattern("\\n\\s+1048576\\s+40\\s+20\\.000\\s+0\\s+0\\.000\\s+-\\R");
        Path png = dir.resolve("gap.png");
        SweepChart.write(report, png);
        assertThat(Files.size(png)).isPositive();
    }

    private static SweepReport report() {
        Sweep sweep = Sweep.parse("threads=1,8");
        List<LoadSpec> loads = sweep.loads(BASE);
        return new SweepReport(sweep, List.of(
                new BenchReport(BenchPattern.RPC_CALL, "embedded", loads.get(0),
                        List.of(result("oslo4j", 1000, 2), result("raw amqp-client", 2000, 1))),
                new BenchReport(BenchPattern.RPC_CALL, "embedded", loads.get(1),
                        List.of(result("oslo4j", 4000, 2), result("raw amqp-client", 5000, 1)))));
    }

    private static RunResult result(String name, long perSecond, double p99) {
        return new RunResult(name, perSecond, 0, Duration.ofSeconds(1), new LatencySummary(1, 1.5, p99, 3, 1),
                Optional.empty(), false);
    }
}
