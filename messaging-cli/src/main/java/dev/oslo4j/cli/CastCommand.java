package dev.oslo4j.cli;

import dev.oslo4j.cli.options.ContextOption;
import dev.oslo4j.cli.options.HelpOption;
import dev.oslo4j.cli.options.MethodArguments;
import dev.oslo4j.cli.options.Seconds;
import dev.oslo4j.cli.options.TargetOptions;
import dev.oslo4j.cli.options.TimeoutOption;
import dev.oslo4j.cli.options.UrlOption;
import dev.oslo4j.messaging.MessagingException;
import dev.oslo4j.messaging.MessagingTimeout;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.Transport;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code oslo4j cast}: sends a method without waiting for it; exits 0 once the broker confirmed the message, 2
 * (printing {@code {"error": {"class": "MessagingTimeout", …}}}) when no confirm came within {@code --timeout}.
 * Takes every option {@code call} takes, plus {@code --fanout}.
 */
@Command(name = "cast", description = "Cast METHOD to an RPC server (or every server with --fanout); "
        + "returns once the broker confirmed the message.",
        footer = {"", "Exit codes: 0 confirmed by the broker, 1 refused, 2 no confirm within --timeout, "
                + "3 bad usage or configuration.",
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

    @Mixin
    TimeoutOption timeout;

    @Option(names = "--fanout", description = "Send to every server of the topic (exchange <topic>_fanout).")
    boolean fanout;

    @Mixin
    MethodArguments invocation;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, Object> arguments = invocation.arguments();
        Map<String, Object> ctxt = context.values();
        Duration wait = timeout.duration(url.config().options().rpcResponseTimeout());
        try (Transport transport = url.open()) {
            CompletableFuture<Void> confirmed = RpcClient.builder(transport, target.target(fanout)).build()
                    .castAsync(ctxt, invocation.method(), arguments);
            try {
                confirmed.get(wait.toNanos(), TimeUnit.NANOSECONDS);
                return ExitCodes.OK;
            } catch (TimeoutException e) {
                confirmed.cancel(false);
                MessagingTimeout failure = new MessagingTimeout("the broker did not confirm the cast of "
                        + invocation.method() + " within " + Seconds.text(wait) + " s");
                JsonOutput.print(spec.commandLine().getOut(), MessagingFailures.errorDocument(failure));
                return ExitCodes.TIMEOUT;
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException re ? re
                        : new MessagingException("cast of " + invocation.method() + " failed: " + e.getCause());
            }
        }
    }
}
