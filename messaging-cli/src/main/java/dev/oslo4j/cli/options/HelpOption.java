package dev.oslo4j.cli.options;

import picocli.CommandLine.Option;

/**
 * {@code -h/--help} for subcommands. Not picocli's standard mixin, because that one also claims
 * {@code --version}, which {@code call}/{@code cast} need for the target version.
 */
public final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;
}
