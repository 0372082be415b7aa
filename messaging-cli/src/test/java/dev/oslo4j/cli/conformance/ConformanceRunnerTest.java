package dev.oslo4j.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.oslo4j.cli.conformance.samples.SampleSuite;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConformanceRunnerTest {

    @Test
    void printsARowPerTestAndASummaryAndHandsTheUrlToTheSuite() {
        StringWriter text = new StringWriter();
        List<TestOutcome> outcomes = ConformanceRunner.run(List.of(selectClass(SampleSuite.class)),
                "rabbit://guest:guest@127.0.0.1:1/", new PrintWriter(text, true));

        assertThat(outcomes).extracting(TestOutcome::status).containsExactlyInAnyOrder(
                TestOutcome.Status.PASS, TestOutcome.Status.FAIL, TestOutcome.Status.SKIP, TestOutcome.Status.SKIP);
        String table = text.toString();
        assertThat(table).containsPattern("(?m)^PASS +\\d+\\.\\d\\ds  SampleSuite > sees the broker under test$")
                .containsPattern("(?m)^FAIL +\\d+\\.\\d\\ds  SampleSuite > fails on purpose$")
                .contains("AssertionFailedError: expected failure")
                .doesNotContain("second line")
                .containsPattern("(?m)^SKIP .*skips on purpose$")
                .contains("Python is not installed")
                .contains("not today")
                .endsWith("1 passed, 1 failed, 2 skipped" + System.lineSeparator());
        assertThat(System.getProperty(ConformanceRunner.URL_PROPERTY)).isNull();
    }
}
