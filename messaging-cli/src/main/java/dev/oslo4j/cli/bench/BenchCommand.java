package dev.oslo4j.cli.bench;

import dev.oslo4j.cli.options.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code oslo4j bench}: the benchmarks the RPC, notification and broker issues report from. */
@Command(name = "bench", description = "Measure rate and latency of a messaging pattern, optionally side by "
        + "side with bare amqp-client (--baseline raw) and Python oslo.messaging (--baseline python).",
        subcommands = {RpcCallBench.class, RpcCastBench.class, NotifyBench.class, BrokerBench.class},
        footer = {"", "Exit codes: 0 no errors, 1 some operations failed, 3 bad usage or configuration.",
                "Example: oslo4j bench rpc-call --url rabbit://guest:guest@127.0.0.1:5672/ --threads 8 --baseline raw,python"})
public final class BenchCommand implements Runnable {
    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing pattern: rpc-call, rpc-cast, notify or broker");
    }
}
