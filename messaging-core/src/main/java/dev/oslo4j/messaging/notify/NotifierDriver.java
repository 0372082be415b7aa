package dev.oslo4j.messaging.notify;

import dev.oslo4j.messaging.Priority;
import dev.oslo4j.messaging.wire.NotificationMessage;

import java.util.concurrent.CompletableFuture;

/**
 * Where a {@link dev.oslo4j.messaging.Notifier} sends notifications (oslo's notifier {@code Driver}): the
 * built-in drivers are {@code messagingv2}, {@code messaging}, {@code log}, {@code noop}, {@code test} and
 * {@code routing} (see {@link NotifierDrivers}).
 */
public interface NotifierDriver {

    /**
     * Sends one notification. Must not block on I/O; must not throw for send failures.
     *
     * @param message  the complete notification (context already sanitized)
     * @param priority the priority (also in {@code message.priority()} as written on the wire)
     * @param retry    -1 retry forever, 0 no retry, N up to N retries
     * @return completes when sent (broker-confirmed for the messaging drivers); fails with the reason otherwise
     */
    CompletableFuture<Void> notify(NotificationMessage message, Priority priority, int retry);

    /** The name the driver was selected by, e.g. {@code messagingv2}. */
    String name();
}
