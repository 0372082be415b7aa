package dev.oslo4j.conformance.interop;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oslo4j.messaging.Notification;
import dev.oslo4j.messaging.NotificationEndpoint;
import dev.oslo4j.messaging.NotificationMetadata;
import dev.oslo4j.messaging.NotificationResult;
import dev.oslo4j.messaging.Priority;
import dev.oslo4j.messaging.RequestContext;
import dev.oslo4j.testsupport.Await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A Java listener endpoint for every priority that records what it receives and answers as told. */
final class RecordingNotificationEndpoint implements NotificationEndpoint {
    private final List<Notification> received = new CopyOnWriteArrayList<>();
    private final Function<Notification, NotificationResult> answer;

    /** Handles everything. */
    RecordingNotificationEndpoint() {
        this(n -> NotificationResult.HANDLED);
    }

    /** Answers each notification with {@code answer} (which sees the deliveries so far via {@link #received()}). */
    RecordingNotificationEndpoint(Function<Notification, NotificationResult> answer) {
        this.answer = answer;
    }

    /** Every delivery so far, redeliveries included, in arrival order. */
    List<Notification> received() {
        return List.copyOf(received);
    }

    /** How often the notification with this message_id was delivered so far. */
    long deliveries(String messageId) {
        return received.stream().filter(n -> messageId.equals(n.metadata().messageId())).count();
    }

    /** Waits until at least {@code count} deliveries happened and returns all of them. */
    List<Notification> await(int count, Duration timeout) {
        Await.until(timeout, count + " notification(s) reached the Java listener", () -> received.size() >= count,
                received::toString);
        return received();
    }

    private NotificationResult record(Priority priority, RequestContext ctxt, String publisherId, String eventType,
                                      JsonNode payload, NotificationMetadata metadata) {
        Notification n = new Notification(priority, publisherId, eventType, payload, ctxt, metadata);
        received.add(n);
        return answer.apply(n);
    }

    @Override
    public NotificationResult audit(RequestContext c, String p, String e, JsonNode payload, NotificationMetadata m) {
        return record(Priority.AUDIT, c, p, e, payload, m);
    }

    @Override
    public NotificationResult debug(RequestContext c, String p, String e, JsonNode payload, NotificationMetadata m) {
        return record(Priority.DEBUG, c, p, e, payload, m);
    }

    @Override
    public NotificationResult info(RequestContext c, String p, String e, JsonNode payload, NotificationMetadata m) {
        return record(Priority.INFO, c, p, e, payload, m);
    }

    @Override
    public NotificationResult warn(RequestContext c, String p, String e, JsonNode payload, NotificationMetadata m) {
        return record(Priority.WARN, c, p, e, payload, m);
    }

    @Override
    public NotificationResult error(RequestContext c, String p, String e, JsonNode payload, NotificationMetadata m) {
        return record(Priority.ERROR, c, p, e, payload, m);
    }

    @Override
    public NotificationResult critical(RequestContext c, String p, String e, JsonNode payload,
                                       NotificationMetadata m) {
        return record(Priority.CRITICAL, c, p, e, payload, m);
    }

    @Override
    public NotificationResult sample(RequestContext c, String p, String e, JsonNode payload, NotificationMetadata m) {
        return record(Priority.SAMPLE, c, p, e, payload, m);
    }
}
