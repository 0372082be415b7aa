package dev.oslo4j.cli.bench.python;

import dev.oslo4j.cli.bench.BenchPattern;
import dev.oslo4j.cli.bench.BenchTopology;
import dev.oslo4j.cli.bench.Contender;
import dev.oslo4j.cli.bench.LoadSpec;
import dev.oslo4j.cli.bench.Progress;
import dev.oslo4j.cli.bench.RunResult;
import dev.oslo4j.cli.bench.raw.RawBroker;

/**
 * Python oslo.messaging as a contender: runs the pattern on a fresh exchange and topic, then deletes the
 * queues and exchange Python declared (its RPC and notification queues are not auto-delete, and the broker
 * may be a shared RabbitMQ).
 */
public final class PythonContender implements Contender {
    /** Why Python runs at in-flight 1 whatever {@code --in-flight} says. */
    public static final String BLOCKING_API = "its API blocks per message";

    private final PythonBaseline python;
    private final BenchPattern pattern;
    private final String url;
    private final RawBroker cleanup;

    public PythonContender(PythonBaseline python, BenchPattern pattern, String url, RawBroker cleanup) {
        this.python = python;
        this.pattern = pattern;
        this.url = url;
        this.cleanup = cleanup;
    }

    @Override
    public String name() {
        return PythonBaseline.NAME;
    }

    @Override
    public RunResult run(LoadSpec spec, Progress progress) throws Exception {
        BenchTopology topology = BenchTopology.fresh("python");
        progress.begin(name() + " (running in python3)", spec.messages(), () -> 0);
        try {
            RunResult result = python.run(pattern, spec, url, topology, spec.drainTimeout());
            // Its calls, casts and notifications block until done: it can only run one at a time per thread.
            return spec.pipelined() ? result.withInFlight(1, BLOCKING_API) : result;
        } finally {
            progress.end();
            topology.delete(cleanup);
        }
    }
}
