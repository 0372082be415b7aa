package dev.oslo4j.messaging.notify;

import dev.oslo4j.messaging.Notification;
import dev.oslo4j.messaging.NotificationMetadata;
import dev.oslo4j.messaging.NotificationRecorder;
import dev.oslo4j.messaging.Priority;
import dev.oslo4j.messaging.RequestContext;
import dev.oslo4j.messaging.wire.Json;
import dev.oslo4j.messaging.wire.NotificationMessage;

import java.util.concurrent.CompletableFuture;

/** oslo's {@code test} driver: records every notification in a {@link NotificationRecorder}, sends nothing. */
final class TestNotifierDriver implements NotifierDriver {

    private final NotificationRecorder recorder;

    TestNotifierDriver(NotificationRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public CompletableFuture<Void> notify(NotificationMessage m, Priority priority, int retry) {
        try {
            recorder.record(new Notification(priority, m.publisherId(), m.eventType(),
                    Json.mapper().valueToTree(m.payload()), RequestContext.of(m.context()),
                    new NotificationMetadata(m.messageId(), m.timestamp())));
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public String name() {
        return "test";
    }
}
