package dev.oslo4j.cli;

import dev.oslo4j.broker.EmbeddedBroker;
import dev.oslo4j.broker.EmbeddedBrokerException;
import dev.oslo4j.cli.options.ConfigOptions;
import dev.oslo4j.cli.options.HelpOption;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code oslo4j broker}: the embedded RabbitMQ-compatible broker in the foreground, for local development
 * with Java or Python services. Prints {@code READY rabbit://USER:PASS@HOST:PORT/} once it accepts
 * connections; SIGINT/SIGTERM stop it cleanly with exit 0.
 */
@Command(name = "broker", description = "Run the embedded RabbitMQ-compatible broker in the foreground; "
        + "print READY <transport URL> once it accepts connections.",
        footer = {"", "Stops cleanly on SIGINT (Ctrl-C) or SIGTERM, exit 0. A port already in use is exit 3.",
                "Example: oslo4j broker --port 5673   then   oslo4j call --url rabbit://guest:guest@127.0.0.1:5673/ ..."})
public final class BrokerCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    /** Accepted like every command's; the broker itself only checks the files (it has no oslo options). */
    @Mixin
    ConfigOptions config;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "5672",
            description = "AMQP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; anything else exposes the broker).")
    String host;

    @Option(names = "--user", paramLabel = "USER", defaultValue = "guest",
            description = "The user clients log in as (default: ${DEFAULT-VALUE}).")
    String user;

    @Option(names = "--password", paramLabel = "PASSWORD", defaultValue = "guest",
            description = "Its password (default: ${DEFAULT-VALUE}).")
    String password;

    @Spec
    CommandSpec spec;

    private final StopSignal stop;

    /** The command as a process runs it: stopped by SIGINT/SIGTERM. */
    public BrokerCommand() {
        this(null);
    }

    /** Stopped by {@code stop} (tests running it in-process); null means SIGINT/SIGTERM. */
    public BrokerCommand(StopSignal stop) {
        this.stop = stop;
    }

    @Override
    public Integer call() throws InterruptedException {
        config.config(); // a missing or bad file is still exit 3, as for every command
        StopSignal stopSignal = stop != null ? stop : StopSignal.onInterruptOrTerminate();
        EmbeddedBroker broker;
        try {
            broker = EmbeddedBroker.builder().host(host).port(port).user(user).password(password).start();
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage(e.getMessage());
        } catch (EmbeddedBrokerException e) {
            throw CliFailure.usage("the broker cannot start on " + host + ":" + port + ": " + e.getMessage()
                    + (port == 5672 ? " (is RabbitMQ running there? choose another --port)" : ""));
        }
        try (broker) {
            PrintWriter out = spec.commandLine().getOut();
            out.println("READY " + broker.transportUrl());
            out.flush();
            stopSignal.await();
        }
        return ExitCodes.OK;
    }
}
