package dev.oslo4j.cli.notify;

import dev.oslo4j.cli.StopSignal;
import dev.oslo4j.messaging.Notification;
import dev.oslo4j.messaging.NotificationResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The {@code listen} endpoint: handles every priority by printing the notification, until {@code limit}
 * were printed; later ones are requeued for other listeners, and the stop signal fires.
 */
public final class PrintingEndpoint {
    private final Consumer<Map<String, Object>> printer;
    private final Integer limit;
    private final StopSignal done;
    private int printed;

    PrintingEndpoint(Consumer<Map<String, Object>> printer, Integer limit, StopSignal done) {
        this.printer = printer;
        this.limit = limit;
        this.done = done;
    }

    synchronized int printed() {
        return printed;
    }

    /** The line for one notification, keys in the order the issue pins. */
    static Map<String, Object> line(Notification n) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("priority", n.priority().wireName());
        line.put("publisher_id", n.publisherId());
        line.put("event_type", n.eventType());
        line.put("payload", n.payload());
        line.put("metadata", n.metadata().toMap());
        line.put("context", n.context().toMap());
        return line;
    }

    private synchronized NotificationResult handle(Notification notification) {
        if (limit != null && printed >= limit) {
            return NotificationResult.REQUEUE;
        }
        printer.accept(line(notification));
        printed++;
        if (limit != null && printed >= limit) {
            done.stop();
        }
        return NotificationResult.HANDLED;
    }

    public NotificationResult audit(Notification notification) {
        return handle(notification);
    }

    public NotificationResult debug(Notification notification) {
        return handle(notification);
    }

    public NotificationResult info(Notification notification) {
        return handle(notification);
    }

    public NotificationResult warn(Notification notification) {
        return handle(notification);
    }

    public NotificationResult error(Notification notification) {
        return handle(notification);
    }

    public NotificationResult critical(Notification notification) {
        return handle(notification);
    }

    public NotificationResult sample(Notification notification) {
        return handle(notification);
    }
}
