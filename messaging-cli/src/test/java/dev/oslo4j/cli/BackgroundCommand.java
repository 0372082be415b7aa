package dev.oslo4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oslo4j.cli.notify.ListenCommand;
import dev.oslo4j.cli.serve.ServeCommand;
import dev.oslo4j.cli.tap.TapCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;

/**
 * A long-running command ({@code serve}, {@code listen}, {@code broker}) run in-process on another thread,
 * with its output captured and a {@link StopSignal} standing in for SIGINT/SIGTERM.
 */
final class BackgroundCommand implements AutoCloseable {
    private final StopSignal stop = StopSignal.manual();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final CompletableFuture<Integer> exit;

    private BackgroundCommand(String... args) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == ServeCommand.class) {
                    return type.cast(new ServeCommand(stop));
                }
                if (type == ListenCommand.class) {
                    return type.cast(new ListenCommand(stop));
                }
                if (type == TapCommand.class) {
                    return type.cast(new TapCommand(stop));
                }
                if (type == BrokerCommand.class) {
                    return type.cast(new BrokerCommand(stop));
                }
                return CommandLine.defaultFactory().create(type);
            }
        };
        CommandLine commandLine = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), factory);
        exit = CompletableFuture.supplyAsync(() -> commandLine.execute(args));
    }

    static BackgroundCommand start(String... args) {
        return new BackgroundCommand(args);
    }

    List<String> lines() {
        synchronized (out.getBuffer()) {
            return out.toString().lines().toList();
        }
    }

    String err() {
        synchronized (err.getBuffer()) {
            return err.toString();
        }
    }

    /** Waits until stdout has {@code count} lines (or the command ended); fails after 30 s. */
    List<String> awaitLines(int count) throws InterruptedException {
        return awaitOutput(() -> lines().size() >= count, "" + count + " lines on stdout");
    }

    /** Waits until stderr contains {@code text}; fails after 30 s. */
    void awaitErr(String text) throws InterruptedException {
        awaitOutput(() -> err().contains(text), "'" + text + "' on stderr");
    }

    private List<String> awaitOutput(java.util.function.BooleanSupplier condition, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline && !exit.isDone()) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).as("waiting for " + what + "; stdout: " + lines() + "; stderr: " + err())
                .isTrue();
        return lines();
    }

    /** The exit code once the command ended by itself; fails after 30 s. */
    int awaitExit() throws Exception {
        return exit.get(30, TimeUnit.SECONDS);
    }

    /** Fires the stop signal and returns the exit code. */
    int stop() throws Exception {
        stop.stop();
        return awaitExit();
    }

    @Override
    public void close() throws Exception {
        if (!exit.isDone()) {
            stop();
        }
    }
}
