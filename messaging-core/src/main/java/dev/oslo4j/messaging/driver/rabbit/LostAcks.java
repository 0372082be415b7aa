package dev.oslo4j.messaging.driver.rabbit;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * Recognises the duplicates a lost connection makes, beyond oslo's 16-id window. Two kinds come back after a
 * fault: messages the broker requeues because it had not read their acknowledgement (they were processed), and
 * copies a sender re-publishes because it had not received the broker's confirm (their original may have been
 * processed just before the fault, or is still queued ahead of the copy). So a consumer remembers the
 * {@code _unique_id}s of the last {@code capacity} messages it acknowledged; when its channel is replaced
 * (connection lost, channel rebuilt, broker restarted) those become suspects, and for the next {@code capacity}
 * messages it processes it also remembers each id. A message whose id is a suspect or was already processed since
 * the replacement is acknowledged and dropped. Outside these windows — no fault — only oslo's 16-id window applies.
 * {@code capacity} should cover the prefetch plus a sender's unconfirmed window (at least 4096 here).
 */
final class LostAcks {

    static final int MIN_CAPACITY = 4_096;

    private final int capacity;
    private ArrayDeque<String> acked;
    private Set<String> suspects = Set.of();
    private Set<String> sinceReplacement = Set.of();
    private int recoveryLeft;
    private boolean opened;

    LostAcks(int prefetch) {
        this.capacity = Math.max(MIN_CAPACITY, Math.min(prefetch, 65_536));
        this.acked = new ArrayDeque<>(1_024);
    }

    /** {@code id} was acknowledged on the current channel (and is being processed). */
    synchronized void acked(String id) {
        if (id == null) {
            return;
        }
        acked.addLast(id);
        if (acked.size() > capacity) {
            acked.removeFirst();
        }
        if (recoveryLeft > 0) {
            sinceReplacement.add(id);
            if (--recoveryLeft == 0) {
                sinceReplacement = Set.of();
            }
        }
    }

    /**
     * The consumer (re)opened its channel: the first one replaces nothing (no fault, oslo's 16-id window alone
     * applies); every later one is a {@link #channelReplaced() replacement}.
     */
    synchronized void channelOpened() {
        if (!opened) {
            opened = true;
            return;
        }
        channelReplaced();
    }

    /** A new channel replaces the old one: what was acknowledged on the old one may come back. */
    synchronized void channelReplaced() {
        if (!acked.isEmpty()) {
            suspects = new HashSet<>(acked);
            acked = new ArrayDeque<>(1_024);
        }
        // nothing acknowledged since the previous replacement: the suspects still stand
        sinceReplacement = new HashSet<>();
        recoveryLeft = capacity;
    }

    /** Whether this message was processed already: before the channel was lost, or since it was replaced. */
    synchronized boolean alreadyProcessed(String id) {
        if (id == null) {
            return false;
        }
        if (!suspects.isEmpty() && suspects.remove(id)) {
            if (recoveryLeft > 0) {
                sinceReplacement.add(id); // a requeued original and a re-published copy may both come back
            }
            return true;
        }
        return sinceReplacement.contains(id);
    }
}
