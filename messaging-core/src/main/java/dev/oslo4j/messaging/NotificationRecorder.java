package dev.oslo4j.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Where the {@code test} notifier driver records notifications (oslo's {@code _impl_test.NOTIFICATIONS}, but
 * not necessarily global): give each test its own with {@link Notifier.Builder#recorder(NotificationRecorder)},
 * or read {@link #shared()} — the one a {@code test} driver uses when none was given, like oslo's module-level list.
 * Thread-safe. Records are snapshots: the payload is captured as JSON when sent, the context as sanitized
 * for the wire.
 *
 * <pre>{@code
 * NotificationRecorder recorder = new NotificationRecorder();
 * Notifier notifier = Notifier.builder(null).driver("test").recorder(recorder).publisherId("compute.host1").build();
 * service.reboot(notifier);
 * assertThat(recorder.notifications(Priority.INFO)).extracting(Notification::eventType)
 *         .containsExactly("compute.instance.reboot.start");
 * }</pre>
 */
public final class NotificationRecorder {

    private static final NotificationRecorder SHARED = new NotificationRecorder();

    private final List<Notification> records = new ArrayList<>();

    /** The process-wide recorder used by {@code test} drivers built without {@link Notifier.Builder#recorder}. */
    public static NotificationRecorder shared() {
        return SHARED;
    }

    /** Appends one record (called by the {@code test} driver). */
    public synchronized void record(Notification n) {
        records.add(n);
    }

    /** Everything recorded so far, oldest first (a copy). */
    public synchronized List<Notification> notifications() {
        return List.copyOf(records);
    }

    /** The records of one priority, oldest first. */
    public List<Notification> notifications(Priority priority) {
        return matching(n -> n.priority() == priority);
    }

    /** The records satisfying {@code condition}, oldest first. */
    public synchronized List<Notification> matching(Predicate<Notification> condition) {
        List<Notification> out = new ArrayList<>();
        for (Notification n : records) {
            if (condition.test(n)) {
                out.add(n);
            }
        }
        return out;
    }

    public synchronized int size() {
        return records.size();
    }

    /** Forgets every record (oslo's {@code _impl_test.reset()}). */
    public synchronized void clear() {
        records.clear();
    }

    @Override
    public synchronized String toString() {
        return "NotificationRecorder(" + records.size() + " notification(s))";
    }
}
