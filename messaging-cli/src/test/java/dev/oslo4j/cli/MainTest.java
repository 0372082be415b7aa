package dev.oslo4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MainTest {

    @Test
    void helpListsCommandsAndExitsZero() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Usage: oslo4j").contains("Exit codes:");
    }

    @Test
    void versionExitsZero() {
        CliRun run = CliRun.of("--version");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("oslo4j ");
    }

    @Test
    void noCommandIsBadUsage() {
        CliRun run = CliRun.of();
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Missing command");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void unknownCommandIsBadUsageWithASuggestion() {
        CliRun run = CliRun.of("hepl");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("hepl");
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "broker", "call", "cast", "notify", "listen", "serve", "bench", "bench rpc-call",
        "bench rpc-cast", "bench notify", "conformance"})
    void everyCommandExplainsItselfWithHelp(String command) {
        String[] args = (command + " --help").split(" ");
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Usage: oslo4j " + command);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void helpCommandShowsASubcommandsHelp() {
        CliRun run = CliRun.of("help", "call");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Usage: oslo4j call").contains("ARGS_JSON");
    }

    @Test
    void missingRequiredUrlIsBadUsage() {
        CliRun run = CliRun.of("conformance");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--url");
    }

    @Test
    void conformanceOnAnInvalidUrlIsBadUsage() {
        CliRun run = CliRun.of("conformance", "--url", "nats://127.0.0.1/");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("'nats'");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void conformanceOnAnUnreachableBrokerIsBadConfiguration() {
        CliRun run = CliRun.of("conformance", "--url", "rabbit://guest:guest@127.0.0.1:1/");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("cannot connect");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void unknownOptionIsBadUsage() {
        CliRun run = CliRun.of("--frobnicate");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--frobnicate");
    }
}
