package dev.oslo4j.cli.options;

import dev.oslo4j.messaging.Target;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where an RPC goes: {@code --topic} (required), {@code --server}, {@code --namespace}, {@code --version}, {@code --exchange}. */
public final class TargetOptions {
    @Option(names = "--topic", required = true, paramLabel = "T", description = "RPC topic, e.g. compute.")
    String topic;

    @Option(names = "--server", paramLabel = "S",
            description = "Send to this server only (routing key <topic>.<server>).")
    String server;

    @Option(names = "--namespace", paramLabel = "N", description = "Endpoint namespace (default: none).")
    String namespace;

    @Option(names = "--version", paramLabel = "V",
            description = "Version the endpoint must be compatible with, X.Y (default: none, served as 1.0).")
    String version;

    @Mixin
    ExchangeOption exchange;

    /** The target these options describe. */
    public Target target(boolean fanout) {
        return Target.builder().exchange(exchange.exchange()).topic(topic).server(server).namespace(namespace)
                .version(version).fanout(fanout).build();
    }
}
