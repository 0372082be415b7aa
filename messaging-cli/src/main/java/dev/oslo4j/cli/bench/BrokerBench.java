package dev.oslo4j.cli.bench;

import dev.oslo4j.broker.tools.BrokerBenchmark;
import dev.oslo4j.cli.ExitCodes;
import dev.oslo4j.cli.options.ConfigOptions;
import dev.oslo4j.cli.options.HelpOption;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code oslo4j bench broker}: the embedded broker's start-up, footprint and isolation figures (issue 2's
 * benchmark), measured by {@link BrokerBenchmark} in fresh child JVMs and in-process.
 */
@Command(name = "broker", description = "Measure the embedded broker: cold JVM start to first AMQP connection, "
        + "idle threads and RSS (child JVMs, against stock Broker-J), per-test isolation, restart and "
        + "virtual-host costs.",
        footer = {"", "Exit codes: 0 measured, 3 bad usage.", "Example: oslo4j bench broker --cold-runs 3 --no-stock"})
public final class BrokerBench implements Callable<Integer> {
    @Mixin
    HelpOption help;

    /** Accepted like every command's; the embedded broker measured here has no oslo options, so only checked. */
    @Mixin
    ConfigOptions config;

    @Option(names = "--cold-runs", paramLabel = "N", description = "Child JVMs per broker kind (default: 5).")
    Integer coldRuns;

    @Option(names = "--isolation-samples", paramLabel = "N",
            description = "Virtual-host lease + reset cycles measured (default: 200).")
    Integer isolationSamples;

    @Option(names = "--restarts", paramLabel = "N", description = "Broker restarts measured (default: 10).")
    Integer restarts;

    @Option(names = "--vhost-samples", paramLabel = "N",
            description = "Virtual-host create/delete cycles measured (default: 50).")
    Integer vhostSamples;

    @Option(names = "--no-stock", description = "Skip the stock Broker-J baseline.")
    boolean noStock;

    @Option(names = "--json", description = "Print one JSON object instead of the table.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        config.config();
        BrokerBenchmark.Options d = BrokerBenchmark.Options.defaults();
        BrokerBenchmark.Options options = new BrokerBenchmark.Options(
                positive("--cold-runs", coldRuns, d.coldRuns()),
                positive("--isolation-samples", isolationSamples, d.isolationSamples()),
                positive("--restarts", restarts, d.restarts()),
                positive("--vhost-samples", vhostSamples, d.vhostSamples()),
                !noStock, json);
        PrintWriter out = spec.commandLine().getOut();
        // The benchmark streams its report line by line to a PrintStream; forward each line to picocli's writer.
        try (PrintStream lines = new PrintStream(new LineForwarder(out), true, StandardCharsets.UTF_8)) {
            BrokerBenchmark.run(options, lines);
        }
        return ExitCodes.OK;
    }

    /** Bytes in, whole UTF-8 lines out to a writer. */
    private static final class LineForwarder extends OutputStream {
        private final PrintWriter out;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineForwarder(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void write(int b) {
            line.write(b);
            if (b == '\n') {
                flush();
            }
        }

        @Override
        public void flush() {
            out.print(line.toString(StandardCharsets.UTF_8));
            out.flush();
            line.reset();
        }
    }

    private int positive(String option, Integer given, int fallback) {
        if (given == null) {
            return fallback;
        }
        if (given < 1) {
            throw new ParameterException(spec.commandLine(), option + " must be at least 1, got " + given);
        }
        return given;
    }
}
