package dev.oslo4j.cli;

import dev.oslo4j.cli.options.ContextOption;
import dev.oslo4j.cli.options.HelpOption;
import dev.oslo4j.cli.options.MethodArguments;
import dev.oslo4j.cli.options.TimeoutOption;
import dev.oslo4j.cli.options.TargetOptions;
import dev.oslo4j.cli.options.UrlOption;
import dev.oslo4j.messaging.MessagingException;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.Transport;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code oslo4j call}: calls a method on an RPC server and prints {@code {"result": …}} (exit 0), the remote
 * failure as {@code {"error": {…}}} (exit 1), or a timeout as {@code {"error": {"class": "MessagingTimeout",
 * …}}} (exit 2).
 */
@Command(name = "call", description = "Call METHOD on an RPC server and print {\"result\": ...} as JSON.",
        footer = {"", "Exit codes: 0 result printed, 1 remote failure printed as {\"error\": ...}, "
                + "2 timeout, 3 bad usage or configuration (message on stderr).",
                "Example: oslo4j call --url rabbit://guest:guest@127.0.0.1:5672/ --topic test add '{\"a\": 1, \"b\": 2}'"})
final class CallCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Mixin
    UrlOption url;

    @Mixin
    TargetOptions target;

    @Mixin
    ContextOption context;

    @Mixin
    TimeoutOption timeout;

    @Mixin
    MethodArguments invocation;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Map<String, Object> arguments = invocation.arguments();
        Map<String, Object> ctxt = context.values();
        Duration timeout = this.timeout.duration(url.config().options().rpcResponseTimeout());
        try (Transport transport = url.open()) {
            RpcClient client = RpcClient.builder(transport, target.target(false)).timeout(timeout).build();
            try {
                JsonOutput.print(spec.commandLine().getOut(),
                        Collections.singletonMap("result", client.call(ctxt, invocation.method(), arguments)));
                return ExitCodes.OK;
            } catch (MessagingException e) {
                if (!MessagingFailures.isOutcome(e)) {
                    throw e;
                }
                JsonOutput.print(spec.commandLine().getOut(), MessagingFailures.errorDocument(e));
                return MessagingFailures.exitCode(e);
            }
        }
    }
}
