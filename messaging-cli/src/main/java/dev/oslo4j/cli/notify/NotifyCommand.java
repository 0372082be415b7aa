package dev.oslo4j.cli.notify;

import dev.oslo4j.cli.CliFailure;
import dev.oslo4j.cli.ExitCodes;
import dev.oslo4j.cli.JsonInput;
import dev.oslo4j.cli.options.ContextOption;
import dev.oslo4j.cli.options.ExchangeOption;
import dev.oslo4j.cli.options.HelpOption;
import dev.oslo4j.cli.options.UrlOption;
import dev.oslo4j.messaging.Notifier;
import dev.oslo4j.messaging.OsloConfig;
import dev.oslo4j.messaging.Priority;
import dev.oslo4j.messaging.Transport;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code oslo4j notify}: emits one notification; exits 0 once the broker confirmed it. */
@Command(name = "notify", description = "Emit a notification (as oslo's Notifier does); returns once the "
        + "broker confirmed it.",
        footer = {"", "PRIORITY: audit, debug, info, warn (or warning), error, critical, sample (any case).",
                "Exit codes: 0 confirmed by the broker, 1 refused, 3 bad usage or configuration.",
                "Example: oslo4j notify --url rabbit://guest:guest@127.0.0.1:5672/ --publisher-id compute.host1 "
                        + "info compute.instance.create.end '{\"instance_id\": \"i-1\"}'"})
public final class NotifyCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Mixin
    UrlOption url;

    @Option(names = "--topic", paramLabel = "T",
            description = "Notification topic; the routing key is <topic>.<priority> (default: "
                    + "[oslo_messaging_notifications] topics of the --config-file files, else notifications).")
    String topic;

    @Mixin
    ExchangeOption exchange;

    @Option(names = "--publisher-id", paramLabel = "P", defaultValue = "oslo4j.cli",
            description = "publisher_id of the notification (default: ${DEFAULT-VALUE}).")
    String publisherId;

    @Option(names = "--driver", paramLabel = "messagingv2|messaging",
            description = "messagingv2 (oslo envelope 2.0) or messaging (v1, no envelope) (default: "
                    + "[oslo_messaging_notifications] driver of the --config-file files, else messagingv2).")
    String driver;

    @Mixin
    ContextOption context;

    @Parameters(index = "0", paramLabel = "PRIORITY", description = "Priority, e.g. info or error.")
    String priority;

    @Parameters(index = "1", paramLabel = "EVENT_TYPE", description = "Event type, e.g. compute.instance.create.end.")
    String eventType;

    @Parameters(index = "2", paramLabel = "PAYLOAD_JSON", defaultValue = "{}",
            description = "Payload, any JSON value (default: ${DEFAULT-VALUE}).")
    String payload;

    @Override
    public Integer call() throws InterruptedException {
        Priority level = Priority.find(priority).orElseThrow(() -> CliFailure.usage("PRIORITY '" + priority
                + "' is unknown; use audit, debug, info, warn (or warning), error, critical or sample"));
        if (driver != null && !driver.equals("messagingv2") && !driver.equals("messaging")) {
            throw CliFailure.usage("--driver must be messagingv2 or messaging, not '" + driver + "'");
        }
        var body = JsonInput.parseValue(payload, "PAYLOAD_JSON");
        var ctxt = context.values();
        OsloConfig config = url.config().config();
        try (Transport transport = url.openForNotifications()) {
            // As oslo's Notifier(transport) reads the files: drivers, topics, retry; flags override them.
            Notifier.Builder builder = config.notifierBuilder(transport).publisherId(publisherId)
                    .exchange(exchange.exchange());
            if (driver != null || config.notificationDrivers().isEmpty()) {
                builder.driver(driver != null ? driver : "messagingv2");
            }
            if (topic != null) {
                builder.topics(topic);
            }
            Notifier notifier = builder.build();
            notifier.notify(level, ctxt, eventType, body).get();
            return ExitCodes.OK;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r
                    : new CliFailure(ExitCodes.FAILED, "the notification was not sent: " + e.getCause(), e.getCause());
        }
    }
}
