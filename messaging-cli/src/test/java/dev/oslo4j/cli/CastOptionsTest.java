package dev.oslo4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oslo4j.broker.EmbeddedBroker;
import dev.oslo4j.broker.PublishRecording;
import dev.oslo4j.broker.VirtualHostLease;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code oslo4j cast} takes every option {@code call} takes; its {@code --timeout} bounds the wait for the
 * broker's confirm (exit 2 past it, as the CLI contract says for timeouts).
 */
class CastOptionsTest {
    @AutoClose
    private static EmbeddedBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedBroker.start();
    }

    @Test
    void castAcceptsEveryOptionOfCall() {
        CommandLine cli = Main.commandLine();
        Set<String> call = optionNames(cli.getSubcommands().get("call"));
        Set<String> cast = optionNames(cli.getSubcommands().get("cast"));
        assertThat(call).contains("--timeout", "--url", "--topic", "--context");
        assertThat(cast).containsAll(call).contains("--fanout");
    }

    @Test
    void castWithTimeoutReturnsOnceConfirmed() {
        try (VirtualHostLease vhost = broker.leaseVirtualHost()) {
            CliRun run = CliRun.of("cast", "--url", vhost.transportUrl(), "--topic", "compute", "--timeout", "10",
                    "record", "{\"x\": 1}");
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void noConfirmWithinTimeoutIsExitTwo() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (VirtualHostLease vhost = broker.leaseVirtualHost();
             // Holding the broker's I/O thread in the publish listener holds back the confirm.
             PublishRecording held = broker.onPublish(vhost.name(), m -> await(release))) {
            CliRun run = CliRun.of("cast", "--url", vhost.transportUrl(), "--topic", "compute", "--timeout", "0.5",
                    "record", "{}");
            release.countDown();

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.TIMEOUT);
            JsonNode error = new ObjectMapper().readTree(run.out()).path("error");
            assertThat(error.path("class").asText()).isEqualTo("MessagingTimeout");
            assertThat(error.path("module").asText()).isEqualTo("oslo_messaging.exceptions");
            assertThat(error.path("message").asText()).contains("record").contains("0.5 s");
        } finally {
            release.countDown();
        }
    }

    @Test
    void nonPositiveTimeoutIsBadUsage() {
        CliRun run = CliRun.of("cast", "--url", broker.transportUrl(), "--topic", "t", "--timeout", "0", "m");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--timeout");
    }

    private static Set<String> optionNames(CommandLine command) {
        return command.getCommandSpec().options().stream().map(OptionSpec::longestName).collect(Collectors.toSet());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
