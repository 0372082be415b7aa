package dev.oslo4j.messaging.dispatch;

import dev.oslo4j.messaging.JacksonSerializer;
import dev.oslo4j.messaging.Notification;
import dev.oslo4j.messaging.NotificationFilter;
import dev.oslo4j.messaging.NotificationResult;
import dev.oslo4j.messaging.Priority;
import dev.oslo4j.messaging.Serializer;
import dev.oslo4j.messaging.wire.ReceivedNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * oslo's notification dispatch rules (docs/wire-protocol.md §9.4, §9.7), one message at a time: the message's {@code priority}
 * is lower-cased and must be one of the seven known names (otherwise logged, and handled so that it is
 * acknowledged); the endpoints having that priority's method run in registration order, skipping those whose
 * filter does not match; the first one returning {@link NotificationResult#REQUEUE} — or throwing — stops
 * dispatch and makes the result REQUEUE. Thread-safe and immutable.
 */
public final class NotificationDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationDispatcher.class);

    /**
     * An endpoint and the filter attached to it.
     *
     * @param endpoint a {@link dev.oslo4j.messaging.NotificationEndpoint}, a
     *                 {@link dev.oslo4j.messaging.BatchNotificationEndpoint} or a plain object
     * @param filter   null to use the endpoint's own {@code filterRule()} (if any)
     */
    public record Registration(Object endpoint, NotificationFilter filter) {
    }

    private final NotificationEndpoints endpoints;

    private NotificationDispatcher(NotificationEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    /**
     * @throws IllegalArgumentException when an endpoint method has an unsupported signature or a priority twice
     */
    public static NotificationDispatcher of(List<Registration> registrations) {
        return of(registrations, JacksonSerializer.defaults());
    }

    /** As {@link #of(List)}, payloads and contexts deserialized by {@code serializer}. */
    public static NotificationDispatcher of(List<Registration> registrations, Serializer serializer) {
        return new NotificationDispatcher(new NotificationEndpoints(registrations, false, serializer));
    }

    /** The priorities some endpoint handles: the listener subscribes to exactly these. */
    public Set<Priority> priorities() {
        return endpoints.priorities();
    }

    /** Dispatches one notification; never throws. */
    public NotificationResult dispatch(ReceivedNotification m) {
        Optional<Priority> priority = Priority.fromReceived(m.priority());
        if (priority.isEmpty()) {
            LOG.warn("Unknown priority \"{}\": {} acknowledged and dropped", m.priority(), Notifications.describe(m));
            return NotificationResult.HANDLED;
        }
        List<NotificationEndpoints.Callback> callbacks = endpoints.callbacks(priority.get());
        if (callbacks.isEmpty()) {
            return NotificationResult.HANDLED;
        }
        Notification n = Notifications.of(m, priority.get(), endpoints.serializer());
        for (NotificationEndpoints.Callback c : callbacks) {
            if (c.filter() != null && !c.filter().matches(n)) {
                continue;
            }
            if (run(c, n, m) == NotificationResult.REQUEUE) {
                return NotificationResult.REQUEUE;
            }
        }
        return NotificationResult.HANDLED;
    }

    private static NotificationResult run(NotificationEndpoints.Callback c, Notification n, ReceivedNotification m) {
        try {
            return resultOf(c.method().invoke(n));
        } catch (DispatchError e) {
            // The payload does not fit the endpoint's declared type: redelivering cannot fix that.
            LOG.error("{}: {} skipped by endpoint {}: {}", "notification dispatch", Notifications.describe(m),
                    c.endpoint(), e.getMessage());
            return NotificationResult.HANDLED;
        } catch (Exception | StackOverflowError e) {
            LOG.error("Callback raised an exception: endpoint {} on {}", c.endpoint(), Notifications.describe(m), e);
            return NotificationResult.REQUEUE;
        }
    }

    /** {@code null} and anything but REQUEUE (or Python's string {@code "requeue"}) mean handled. */
    static NotificationResult resultOf(Object returned) {
        if (returned == NotificationResult.REQUEUE
                || returned instanceof String s && NotificationResult.REQUEUE.pythonValue().equals(s)) {
            return NotificationResult.REQUEUE;
        }
        return NotificationResult.HANDLED;
    }
}
