package dev.oslo4j.cli.serve;

import dev.oslo4j.cli.ExitCodes;
import dev.oslo4j.cli.JsonOutput;
import dev.oslo4j.cli.StopSignal;
import dev.oslo4j.cli.options.ExchangeOption;
import dev.oslo4j.cli.options.HelpOption;
import dev.oslo4j.cli.options.UrlOption;
import dev.oslo4j.messaging.RpcRequestInfo;
import dev.oslo4j.messaging.RpcServer;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code oslo4j serve}: an RPC server with reference endpoints, for trying clients (Java or Python) against.
 * Prints {@code READY} once consuming, then one JSON line per request received; SIGINT/SIGTERM stop it
 * (running requests finish, the fanout queue is deleted) and it exits 0.
 */
@Command(name = "serve", description = "Run an RPC server with reference endpoints; print READY, then one "
        + "JSON line per request received.",
        footer = {"", "Endpoints, default namespace, version 1.0:",
                "  echo(arg) -> arg;  add(a, b) -> a + b;  fail(message) -> raises builtins.ValueError(message);",
                "  sleep(seconds) -> sleeps, returns seconds;  record(**anything) -> null",
                "Namespace ns2, version 2.3:  whoami() -> {\"server\": S, \"namespace\": \"ns2\"}",
                "",
                "Each request: {\"kind\": \"call\"|\"cast\", \"method\": ..., \"namespace\": ..., \"version\": ..., "
                        + "\"args\": {...}, \"context\": {...}}",
                "(namespace null and version \"1.0\" when the request has none, as oslo dispatch reads it).",
                "Stops on SIGINT/SIGTERM with exit 0.",
                "Example: oslo4j serve --url rabbit://guest:guest@127.0.0.1:5672/ --topic test --server s1"})
public final class ServeCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Mixin
    UrlOption url;

    @Option(names = "--topic", required = true, paramLabel = "T", description = "RPC topic to serve.")
    String topic;

    @Option(names = "--server", paramLabel = "S", description = "Server name (default: this host's name).")
    String server;

    @Mixin
    ExchangeOption exchange;

    @Spec
    CommandSpec spec;

    private final StopSignal stop;

    /** The command as a process runs it: stopped by SIGINT/SIGTERM. */
    public ServeCommand() {
        this(null);
    }

    /** The command stopped by {@code stop} (tests running it in-process); null means SIGINT/SIGTERM. */
    public ServeCommand(StopSignal stop) {
        this.stop = stop;
    }

    @Override
    public Integer call() throws InterruptedException {
        String name = server != null ? server : hostName();
        PrintWriter out = spec.commandLine().getOut();
        StopSignal stopSignal = stop != null ? stop : StopSignal.onInterruptOrTerminate();
        try (Transport transport = url.open();
                RpcServer rpcServer = RpcServer.builder(transport,
                                Target.builder().exchange(exchange.exchange()).topic(topic).server(name).build())
                        .endpoint(new ReferenceEndpoint())
                        .endpoint(new WhoamiEndpoint(name))
                        .onRequest(request -> print(out, line(request)))
                        .build()) {
            rpcServer.start();
            print(out, "READY");
            stopSignal.await();
        }
        return ExitCodes.OK;
    }

    /** The request as printed, with oslo's receiving defaults for what the request leaves out. */
    static Map<String, Object> line(RpcRequestInfo request) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("kind", request.call() ? "call" : "cast");
        line.put("method", request.method());
        line.put("namespace", request.namespace());
        line.put("version", request.version() != null ? request.version() : "1.0");
        line.put("args", request.args() != null ? request.args() : Map.of());
        // The context as a Python server's endpoints receive it: the sender's keys plus oslo's client_timeout.
        Map<String, Object> context = new LinkedHashMap<>(request.context().toMap());
        context.put("client_timeout", request.timeout());
        line.put("context", context);
        return line;
    }

    private static void print(PrintWriter out, Object line) {
        synchronized (out) {
            if (line instanceof String text) {
                out.println(text);
                out.flush();
            } else {
                JsonOutput.print(out, line);
            }
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
