package dev.oslo4j.cli.bench;

import dev.oslo4j.cli.CliFailure;
import dev.oslo4j.cli.options.ConfigOptions;
import dev.oslo4j.cli.options.Seconds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options every {@code oslo4j bench} pattern shares. */
public final class BenchOptions {

    /** The baselines oslo4j can be compared with in the same run. */
    public enum Baseline {
        /** Bare amqp-client doing the same AMQP steps. */
        RAW,
        /** Python oslo.messaging 14.0.3 ({@code /usr/bin/python3}). */
        PYTHON
    }

    @Option(names = "--url", paramLabel = "URL",
            description = "Broker to measure on (default: transport_url of the --config-file files, else an "
                    + "embedded broker started in this process). Each run uses an exchange of its own.")
    String url;

    @Mixin
    ConfigOptions config;

    @Option(names = "--messages", paramLabel = "N", defaultValue = "10000",
            description = "Measured messages (default: ${DEFAULT-VALUE}).")
    long messages;

    @Option(names = "--threads", paramLabel = "K", defaultValue = "1",
            description = "Client threads sending concurrently (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--payload-bytes", paramLabel = "B", defaultValue = "100",
            description = "Payload size of each message in bytes (default: ${DEFAULT-VALUE}).")
    int payloadBytes;

    @Option(names = "--in-flight", paramLabel = "N", defaultValue = "1",
            description = "Operations each client thread keeps outstanding (default: ${DEFAULT-VALUE}, each waits "
                    + "for the previous). Above 1, oslo4j uses its asynchronous API (castAsync, callAsync, the "
                    + "Notifier's futures) and the raw baseline pipelines its confirms and requests the same way; "
                    + "Python, whose API blocks, still runs one at a time per thread. At most "
                    + LoadSpec.MAX_IN_FLIGHT + ".")
    int inFlight;

    @Option(names = "--warmup", paramLabel = "N",
            description = "Unmeasured messages sent first (default: a tenth of --messages, at most 2000); "
                    + "the warm-up goes on, for up to 20 s, while the JIT compiler is still busy. 0: none.")
    Long warmup;

    @Option(names = "--exact-warmup",
            description = "End the warm-up at its count even while the JIT compiler is busy (quick runs, tests).")
    boolean exactWarmup;

    @Option(names = "--baseline", paramLabel = "raw|python", split = ",",
            description = "Also run the same pattern with bare amqp-client (raw) and/or Python oslo.messaging "
                    + "(python) in this run, and print oslo4j's ratio to each. Repeatable or comma-separated.")
    List<Baseline> baselines = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Deadline for one call, and for the receivers to process everything sent "
                    + "(default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Option(names = "--json", description = "Print the summary as one JSON document instead of a table.")
    boolean json;

    @Option(names = "--sweep", paramLabel = "PARAM[=V1,V2,...]",
            description = "Run the pattern at several values of one parameter, every contender at each, and end "
                    + "with a table of rates, p99s and ratios per value: payload-bytes (default 100,10240,1048576) "
                    + "or threads (default 1,8,32,128).")
    String sweep;

    @Option(names = "--plot", paramLabel = "FILE",
            description = "With --sweep: draw rate and p99 against the swept value for every contender into FILE "
                    + "(.png or .svg).")
    java.nio.file.Path plot;
    @Option(names = "--receiver-executor", paramLabel = "pool|one|jdk-pool|virtual", defaultValue = "pool",
            description = "How oslo4j's RPC server or notification listener runs endpoints: its own pool (default), "
                    + "one thread, a JDK ThreadPoolExecutor of the same size, or a virtual thread per message (Java "
                    + "21+); with the per-message CPU and context switches, what each costs.")
    String receiverExecutor;

    @Option(names = "--completion-executor", paramLabel = "pool|direct", defaultValue = "pool",
            description = "Where oslo4j's asynchronous results (castAsync, callAsync, the Notifier's futures) "
                    + "complete: the transport's completion pool (default) or directly on the AMQP connection's "
                    + "thread (Runnable::run, for callbacks that never block).")
    String completionExecutor;

    @Option(names = "--observe", description = "Also run oslo4j with a Micrometer ObservationRegistry (a metrics "
            + "handler, as a Spring Boot application has) on its transports, to show what observations cost.")
    boolean observe;

    public boolean observe() {
        return observe;
    }

    /** {@code --url}, else the files' transport_url, else null (an embedded broker). */
    public String url() {
        return url != null ? url : config.transportUrl().orElse(null);
    }

    public boolean json() {
        return json;
    }

    public Duration timeout() {
        return Seconds.positive(timeoutSeconds, "--timeout");
    }

    /** The baselines asked for, each once, in the order given. */
    public Set<Baseline> baselines() {
        return new LinkedHashSet<>(baselines);
    }

    /** {@code --receiver-executor}; a bad one is a usage error. */
    public ReceiverExecutor receiverExecutor() {
        return ReceiverExecutor.parse(receiverExecutor);
    }

    /** {@code --completion-executor}: null for the transport's own pool, {@code Runnable::run} for direct. */
    public java.util.concurrent.Executor completionExecutor() {
        return switch (completionExecutor.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "pool" -> null;
            case "direct" -> Runnable::run;
            default -> throw CliFailure.usage("--completion-executor: unknown choice '" + completionExecutor
                    + "'; use pool or direct");
        };
    }

    /** The sweep asked for, or null; a bad one is a usage error. */
    public Sweep sweep() {
        if (sweep == null) {
            if (plot != null) {
                throw CliFailure.usage("--plot needs --sweep (it draws the points of a sweep)");
            }
            return null;
        }
        try {
            Sweep s = Sweep.parse(sweep);
            s.loads(spec());
            if (plot != null) {
                SweepChart.formatOf(plot);
            }
            return s;
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage(e.getMessage());
        }
    }

    /** Where {@code --plot} draws the sweep, or null. */
    public java.nio.file.Path plot() {
        return plot;
    }

    /** The load as a {@link LoadSpec}; nonsense (zero messages, negative sizes) is a usage error. */
    public LoadSpec spec() {
        try {
            return new LoadSpec(messages, threads, payloadBytes,
                    warmup == null ? LoadSpec.defaultWarmup(messages) : warmup, timeout(), Math.max(100, messages / 100),
                    inFlight, !exactWarmup);
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage(e.getMessage());
        }
    }
}
