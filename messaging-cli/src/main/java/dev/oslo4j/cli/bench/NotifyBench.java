package dev.oslo4j.cli.bench;

import picocli.CommandLine.Command;

/** {@code oslo4j bench notify}. */
@Command(name = "notify", description = "INFO notifications, each confirmed; rate counts notifications the listener processed.")
final class NotifyBench extends PatternBench {
    @Override
    BenchPattern pattern() {
        return BenchPattern.NOTIFY;
    }
}
