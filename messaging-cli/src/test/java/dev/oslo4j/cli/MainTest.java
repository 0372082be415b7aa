package dev.oslo4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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

    @Test
    void unknownOptionIsBadUsage() {
        CliRun run = CliRun.of("--frobnicate");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--frobnicate");
    }
}
