package dev.oslo4j.messaging.dispatch;

import dev.oslo4j.messaging.JacksonSerializer;
import dev.oslo4j.messaging.Notification;
import dev.oslo4j.messaging.NotificationResult;
import dev.oslo4j.messaging.Priority;
import dev.oslo4j.messaging.Serializer;
import dev.oslo4j.messaging.wire.ReceivedNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * oslo's batch dispatch rules (docs/wire-protocol.md §9.8): a batch is split into groups by lower-cased priority (groups run in
 * alphabetical order of the priority, as Python sorts them; messages keep arrival order); unknown priorities
 * are logged and acknowledged; for each group, endpoints run in registration order with the filtered
 * notifications (skipped when none pass); the first endpoint returning {@link NotificationResult#REQUEUE} — or
 * throwing — marks the <em>whole group</em> (filtered-out messages included, as in oslo) for requeue and stops
 * that group's dispatch. Thread-safe and immutable.
 */
public final class BatchNotificationDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(BatchNotificationDispatcher.class);

    private final NotificationEndpoints endpoints;

    private BatchNotificationDispatcher(NotificationEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    /**
     * @throws IllegalArgumentException when an endpoint method has an unsupported signature or a priority twice
     */
    public static BatchNotificationDispatcher of(List<NotificationDispatcher.Registration> registrations) {
        return of(registrations, JacksonSerializer.defaults());
    }

    /** As {@link #of(List)}, contexts deserialized by {@code serializer}. */
    public static BatchNotificationDispatcher of(List<NotificationDispatcher.Registration> registrations,
                                                 Serializer serializer) {
        return new BatchNotificationDispatcher(new NotificationEndpoints(registrations, true, serializer));
    }

    public Set<Priority> priorities() {
        return endpoints.priorities();
    }

    /**
     * Dispatches a batch; never throws.
     *
     * @return the positions (in {@code batch}) of the notifications to requeue; all others are to be acknowledged
     */
    public Set<Integer> dispatch(List<ReceivedNotification> batch) {
        Map<String, List<Integer>> groups = new TreeMap<>();
        for (int i = 0; i < batch.size(); i++) {
            String p = batch.get(i).priority();
            groups.computeIfAbsent(p == null ? "" : p.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(i);
        }
        Set<Integer> requeue = new HashSet<>();
        for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
            Optional<Priority> priority = Priority.fromReceived(g.getKey());
            if (priority.isEmpty()) {
                LOG.warn("Unknown priority \"{}\": {} notification(s) acknowledged and dropped", g.getKey(),
                        g.getValue().size());
                continue;
            }
            if (dispatchGroup(priority.get(), g.getValue(), batch) == NotificationResult.REQUEUE) {
                requeue.addAll(g.getValue());
            }
        }
        return requeue;
    }

    private NotificationResult dispatchGroup(Priority priority, List<Integer> positions,
                                             List<ReceivedNotification> batch) {
        List<NotificationEndpoints.Callback> callbacks = endpoints.callbacks(priority);
        if (callbacks.isEmpty()) {
            return NotificationResult.HANDLED;
        }
        List<Notification> all = new ArrayList<>(positions.size());
        for (int i : positions) {
            all.add(Notifications.of(batch.get(i), priority, endpoints.serializer()));
        }
        for (NotificationEndpoints.Callback c : callbacks) {
            List<Notification> given = all;
            if (c.filter() != null) {
                given = new ArrayList<>();
                for (Notification n : all) {
                    if (c.filter().matches(n)) {
                        given.add(n);
                    }
                }
                if (given.isEmpty()) {
                    continue;
                }
            }
            NotificationResult r;
            try {
                r = NotificationDispatcher.resultOf(c.method().invokeBatch(List.copyOf(given)));
            } catch (Exception | StackOverflowError e) {
                LOG.error("Callback raised an exception: batch endpoint {} on {} {} notification(s)", c.endpoint(),
                        given.size(), priority.routingName(), e);
                r = NotificationResult.REQUEUE;
            }
            if (r == NotificationResult.REQUEUE) {
                return r;
            }
        }
        return NotificationResult.HANDLED;
    }
}
