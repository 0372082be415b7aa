package dev.oslo4j.messaging;

import dev.oslo4j.messaging.dispatch.BatchNotificationDispatcher;
import dev.oslo4j.messaging.dispatch.NotificationDispatcher;
import dev.oslo4j.messaging.observe.Instrumentation;
import dev.oslo4j.messaging.driver.IncomingNotification;
import dev.oslo4j.messaging.wire.ReceivedNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * A listener's work on its executor: dispatch, then settle each notification as oslo does — acknowledged after
 * dispatch, requeued only for a REQUEUE result (or an endpoint exception) when requeue is allowed, acknowledged
 * otherwise. Notifications arriving while the executor shuts down are requeued for another listener.
 */
final class NotificationProcessing {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationProcessing.class);

    private final String name;
    private final NotificationDispatcher dispatcher;
    private final BatchNotificationDispatcher batchDispatcher;
    private final boolean allowRequeue;
    private final Executor executor;
    private final Instrumentation observing;

    /** Exactly one of the dispatchers is non-null. */
    NotificationProcessing(String name, NotificationDispatcher dispatcher, BatchNotificationDispatcher batchDispatcher,
                           boolean allowRequeue, Executor executor, Instrumentation observing) {
        this.observing = observing;
        this.name = name;
        this.dispatcher = dispatcher;
        this.batchDispatcher = batchDispatcher;
        this.allowRequeue = allowRequeue;
        this.executor = executor;
    }

    void submit(IncomingNotification n) {
        try {
            executor.execute(() -> process(n));
        } catch (RejectedExecutionException e) {
            n.requeue(); // stopping: leave it to another listener
        }
    }

    void submitBatch(List<IncomingNotification> batch) {
        try {
            executor.execute(() -> processBatch(batch));
        } catch (RejectedExecutionException e) {
            batch.forEach(IncomingNotification::requeue);
        }
    }

    private void process(IncomingNotification n) {
        NotificationResult result = NotificationResult.REQUEUE;
        try (DispatchScope scope = DispatchScope.notification(observing, n)) {
            try {
                result = dispatcher.dispatch(n.message());
            } catch (RuntimeException | Error e) {
                LOG.error("{}: dispatch failed", name, e);
                scope.failed(e);
                throw e;
            }
        } finally {
            settle(n, result);
        }
    }

    private void processBatch(List<IncomingNotification> batch) {
        List<ReceivedNotification> messages = new ArrayList<>(batch.size());
        batch.forEach(n -> messages.add(n.message()));
        Set<Integer> requeue = null;
        try {
            requeue = batchDispatcher.dispatch(messages);
        } finally {
            for (int i = 0; i < batch.size(); i++) {
                settle(batch.get(i), requeue == null || requeue.contains(i) ? NotificationResult.REQUEUE
                        : NotificationResult.HANDLED);
            }
        }
    }

    private void settle(IncomingNotification n, NotificationResult result) {
        try {
            if (result == NotificationResult.REQUEUE && allowRequeue) {
                n.requeue();
            } else {
                n.ack();
            }
        } catch (RuntimeException e) {
            LOG.warn("{}: could not settle notification {}: {}", name, n.message().messageId(), e.toString());
        }
    }
}
