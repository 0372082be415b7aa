package dev.oslo4j.cli;

import dev.oslo4j.cli.options.ContextOption;
import dev.oslo4j.cli.options.HelpOption;
import dev.oslo4j.cli.options.MethodArguments;
import dev.oslo4j.cli.options.TargetOptions;
import dev.oslo4j.cli.options.UrlOption;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.Transport;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code oslo4j cast}: sends a method without waiting for it; exits 0 once the broker confirmed the message. */
@Command(name = "cast", description = "Cast METHOD to an RPC server (or every server with --fanout); "
        + "returns once the broker confirmed the message.",
        footer = {"", "Exit codes: 0 confirmed by the broker, 1 refused, 3 bad usage or configuration.",
                "Example: oslo4j cast --url rabbit://guest:guest@127.0.0.1:5672/ --topic test --fanout record '{\"x\": 1}'"})
final class CastCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Mixin
    UrlOption url;

    @Mixin
    TargetOptions target;

    @Mixin
    ContextOption context;

    @Option(names = "--fanout", description = "Send to every server of the topic (exchange <topic>_fanout).")
    boolean fanout;

    @Mixin
    MethodArguments invocation;

    @Override
    public Integer call() {
        Map<String, Object> arguments = invocation.arguments();
        Map<String, Object> ctxt = context.values();
        try (Transport transport = url.open()) {
            RpcClient.builder(transport, target.target(fanout)).build().cast(ctxt, invocation.method(), arguments);
            return ExitCodes.OK;
        }
    }
}
