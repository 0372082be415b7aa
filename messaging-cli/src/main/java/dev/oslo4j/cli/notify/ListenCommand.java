package dev.oslo4j.cli.notify;

import dev.oslo4j.cli.ExitCodes;
import dev.oslo4j.cli.JsonOutput;
import dev.oslo4j.cli.StopSignal;
import dev.oslo4j.cli.options.ExchangeOption;
import dev.oslo4j.cli.options.HelpOption;
import dev.oslo4j.cli.options.CountTimeoutOptions;
import dev.oslo4j.cli.options.UrlOption;
import dev.oslo4j.messaging.NotificationListener;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code oslo4j listen}: prints one JSON line per notification received (every priority). Ends after
 * {@code --count} notifications (exit 0), when {@code --timeout} passes (exit 2 if fewer than {@code --count}
 * arrived, else 0), or on SIGINT/SIGTERM (exit 0).
 */
@Command(name = "listen", description = "Listen for notifications and print one JSON line per notification.",
        footer = {"", "Each line: {\"priority\": \"INFO\", \"publisher_id\": ..., \"event_type\": ..., "
                + "\"payload\": ..., \"metadata\": {\"message_id\": ..., \"timestamp\": ...}, \"context\": {...}}",
                "Once consuming, a line on stderr says so. Without --pool the listener shares the queues "
                        + "<topic>.<priority> with other non-pooled listeners (each notification goes to one of them);",
                "with --pool P it gets its own copy of every notification in queue P.",
                "Exit codes: 0 --count reached, or --timeout passed without --count, or stopped by SIGINT/SIGTERM;",
                "2 --timeout passed before --count notifications arrived; 3 bad usage or configuration.",
                "Example: oslo4j listen --url rabbit://guest:guest@127.0.0.1:5672/ --count 1 --timeout 30"})
public final class ListenCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Mixin
    UrlOption url;

    @Option(names = "--topic", paramLabel = "T",
            description = "Notification topic (default: [oslo_messaging_notifications] topics of the "
                    + "--config-file files, every one of them, else notifications).")
    String topic;

    @Mixin
    ExchangeOption exchange;

    @Option(names = "--pool", paramLabel = "P", description = "Listener pool: a queue of its own named P.")
    String pool;

    @Mixin
    CountTimeoutOptions limits;

    @Spec
    CommandSpec spec;

    private final StopSignal stop;

    /** The command as a process runs it: stopped by SIGINT/SIGTERM, --count or --timeout. */
    public ListenCommand() {
        this(null);
    }

    /** Also stopped by {@code stop} (tests running it in-process). */
    public ListenCommand(StopSignal stop) {
        this.stop = stop;
    }

    @Override
    public Integer call() throws InterruptedException {
        limits.check();
        Integer count = limits.count();
        PrintWriter out = spec.commandLine().getOut();
        StopSignal done = stop != null ? stop : StopSignal.onInterruptOrTerminate();
        PrintingEndpoint endpoint = new PrintingEndpoint(line -> JsonOutput.print(out, line), count, done);
        List<String> topics = topic != null ? List.of(topic) : url.config().config().notificationTopics();
        try (Transport transport = url.openForNotifications();
                NotificationListener listener = NotificationListener.builder(transport)
                        .targets(topics.stream()
                                .map(t -> Target.builder().exchange(exchange.exchange()).topic(t).build()).toList())
                        .endpoint(endpoint)
                        .pool(pool)
                        // One at a time keeps lines in arrival order and --count exact; notifications past
                        // the count go back to the queue instead of being lost.
                        .executorThreads(1)
                        .allowRequeue(true)
                        .build()) {
            listener.start();
            PrintWriter err = spec.commandLine().getErr();
            err.println("oslo4j listen: listening on topic" + (topics.size() > 1 ? "s '" : " '")
                    + String.join("', '", topics) + "'"
                    + (pool == null ? "" : " in pool '" + pool + "'") + " (every priority)");
            err.flush();
            if (limits.awaitFellShort(done, endpoint::printed)) {
                err.println("oslo4j listen: timed out after " + limits.timeoutSeconds() + " s with "
                        + endpoint.printed()
                        + " of " + count + " notifications");
                err.flush();
                return ExitCodes.TIMEOUT;
            }
            return ExitCodes.OK;
        }
    }
}
