package dev.oslo4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

import dev.oslo4j.testsupport.Requirements;

/** {@code oslo4j broker} in-process, and {@code oslo4j demo} on the embedded broker and on RabbitMQ. */
class BrokerDemoCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void brokerPrintsReadyWithItsUrlServesClientsAndStops() throws Exception {
        try (BackgroundCommand broker = BackgroundCommand.start("broker", "--port", "0", "--user", "dev",
                "--password", "p@ss")) {
            String ready = broker.awaitLines(1).get(0);
            assertThat(ready).matches("READY rabbit://dev:p%40ss@127\\.0\\.0\\.1:\\d+/");
            String url = ready.substring("READY ".length());

            try (BackgroundCommand serve = BackgroundCommand.start("serve", "--url", url, "--topic", "t", "--server", "s")) {
                assertThat(serve.awaitLines(1).get(0)).isEqualTo("READY");
                CliRun call = CliRun.of("call", "--url", url, "--topic", "t", "add", "{\"a\": 20, \"b\": 22}");
                assertThat(call.exitCode()).as(call.toString()).isZero();
                assertThat(JSON.readTree(call.out())).isEqualTo(JSON.readTree("{\"result\": 42}"));
                assertThat(serve.stop()).isZero();
            }
            assertThat(broker.stop()).as(broker.err()).isZero();
            assertThat(broker.lines()).hasSize(1);
        }
    }

    @Test
    void aPortInUseIsBadConfiguration() throws Exception {
        try (BackgroundCommand first = BackgroundCommand.start("broker", "--port", "0")) {
            String port = first.awaitLines(1).get(0).replaceAll(".*:(\\d+)/$", "$1");
            CliRun second = CliRun.of("broker", "--port", port);
            assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(second.out()).isEmpty();
            assertThat(second.err()).contains("cannot start on 127.0.0.1:" + port);
        }
    }

    @Test
    void badPortIsBadUsage() {
        CliRun run = CliRun.of("broker", "--port", "70000");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("between 0 and 65535");
    }

    @Test
    void demoRunsTheSeedScenarioOnAnEmbeddedBroker() {
        CliRun run = CliRun.of("demo");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertDemoStory(run.out());
        assertThat(run.out()).startsWith("oslo4j demo on an embedded broker at rabbit://guest:****@127.0.0.1:");
    }

    @Test
    void demoRunsOnAGivenBroker() {
        String url = Requirements.requireRabbitMq();
        CliRun run = CliRun.of("demo", "--url", url);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertDemoStory(run.out());
        assertThat(run.out()).startsWith("oslo4j demo on rabbit://guest:****@127.0.0.1:5672/");
    }

    private static void assertDemoStory(String out) {
        List<String> lines = out.lines().toList();
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("[server]").contains("'server1'").contains("'test'")
                .contains("namespace1").contains("namespace2"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("[server]").contains("received a cast of test()")
                .contains("namespace2"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("[server]").contains("received a call of test()"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("[client]")
                .contains("reply: \"namespace2 handled hello by call\""));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("[listener]").contains("error endpoint"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("[listener]").contains("warn endpoint"));
        assertThat(lines).noneSatisfy(l -> assertThat(l).contains("namespace1 endpoint runs"));
        assertThat(lines.get(lines.size() - 1)).startsWith("demo complete");
    }
}
