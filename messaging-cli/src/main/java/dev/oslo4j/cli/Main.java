package dev.oslo4j.cli;

import dev.oslo4j.cli.bench.BenchCommand;
import dev.oslo4j.cli.conformance.ConformanceCommand;
import dev.oslo4j.cli.demo.DemoCommand;
import dev.oslo4j.cli.notify.ListenCommand;
import dev.oslo4j.cli.notify.NotifyCommand;
import dev.oslo4j.cli.serve.ServeCommand;
import dev.oslo4j.cli.tap.TapCommand;
import dev.oslo4j.messaging.MessagingException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code oslo4j}: one command-line tool to see oslo.messaging work, poke a live bus, run a local broker and
 * measure. Each subcommand is its own class; this one wires them and maps failures to {@link ExitCodes}.
 */
@Command(name = "oslo4j", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "oslo.messaging for the JVM: RPC and notifications, wire-compatible with Python "
                + "oslo.messaging on RabbitMQ.",
        footer = {"", "Exit codes: 0 ok, 1 failed (remote error, refused message, failed test), "
                + "2 timeout, 3 bad usage or configuration."},
        subcommands = {DemoCommand.class, BrokerCommand.class, CallCommand.class, CastCommand.class, NotifyCommand.class,
                ListenCommand.class, TapCommand.class, ServeCommand.class, BenchCommand.class,
                ConformanceCommand.class, CompletionCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: try 'oslo4j demo', or see the list above");
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, writing to the process's stdout and stderr. */
    public static CommandLine commandLine() {
        return configure(new CommandLine(new Main()));
    }

    private static CommandLine configure(CommandLine commandLine) {
        commandLine.setParameterExceptionHandler(Main::onBadUsage);
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> onFailure(e, cl));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }

    /** The same, writing to the given streams (tests run commands in-process this way). */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine().setOut(out).setErr(err);
    }

    /**
     * The same, with command objects from {@code factory}: tests hand long-running commands a
     * {@link StopSignal} they can fire.
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, CommandLine.IFactory factory) {
        return configure(new CommandLine(new Main(), factory)).setOut(out).setErr(err);
    }

    private static int onBadUsage(ParameterException e, String[] args) {
        CommandLine failed = e.getCommandLine();
        PrintWriter err = failed.getErr();
        err.println("oslo4j: " + e.getMessage());
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
            err.println("See '" + failed.getCommandSpec().qualifiedName() + " --help'.");
        }
        err.flush();
        return ExitCodes.USAGE;
    }

    private static int onFailure(Exception e, CommandLine commandLine) {
        PrintWriter err = commandLine.getErr();
        if (e instanceof CliFailure failure) {
            err.println("oslo4j " + commandLine.getCommandName() + ": " + failure.getMessage());
            err.flush();
            return failure.exitCode();
        }
        if (e instanceof MessagingException) {
            // The library's messages name the thing at fault (and never a password): no stack trace needed.
            err.println("oslo4j " + commandLine.getCommandName() + ": " + e.getMessage());
            err.flush();
            return MessagingFailures.exitCode(e);
        }
        err.println("oslo4j " + commandLine.getCommandName() + ": " + e);
        e.printStackTrace(err);
        err.flush();
        return ExitCodes.FAILED;
    }
}
