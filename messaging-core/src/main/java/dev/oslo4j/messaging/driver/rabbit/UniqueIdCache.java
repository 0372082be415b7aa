package dev.oslo4j.messaging.driver.rabbit;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/** The last {@value #SIZE} {@code _unique_id}s seen by one listener (oslo's {@code _MsgIdCache}). */
final class UniqueIdCache {

    static final int SIZE = 16;

    private final ArrayDeque<String> order = new ArrayDeque<>(SIZE);
    private final Set<String> ids = new HashSet<>();

    synchronized boolean contains(String id) {
        return id != null && ids.contains(id);
    }

    /** Remembers {@code id}; returns false when it was already known (a duplicate). */
    synchronized boolean add(String id) {
        if (id == null) {
            return true;
        }
        if (!ids.add(id)) {
            return false;
        }
        order.addLast(id);
        if (order.size() > SIZE) {
            ids.remove(order.removeFirst());
        }
        return true;
    }
}
