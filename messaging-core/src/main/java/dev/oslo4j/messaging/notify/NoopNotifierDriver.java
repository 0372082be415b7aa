package dev.oslo4j.messaging.notify;

import dev.oslo4j.messaging.Priority;
import dev.oslo4j.messaging.wire.NotificationMessage;

import java.util.concurrent.CompletableFuture;

/** oslo's {@code noop} driver: sends nothing; a notifier with only this driver reports {@code isEnabled() == false}. */
final class NoopNotifierDriver implements NotifierDriver {

    static final String NAME = "noop";

    @Override
    public CompletableFuture<Void> notify(NotificationMessage message, Priority priority, int retry) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public String name() {
        return NAME;
    }
}
