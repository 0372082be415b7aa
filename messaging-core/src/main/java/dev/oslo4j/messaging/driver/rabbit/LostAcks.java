package dev.oslo4j.messaging.driver.rabbit;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * Recognises messages that come back only because their acknowledgement was lost with the connection. A consumer
 * remembers the {@code _unique_id}s of the last {@code capacity} messages it acknowledged on its channel — with a
 * prefetch of {@code capacity}, every message the broker may still count as unacknowledged is among them. When
 * the channel is replaced (connection lost, channel rebuilt, broker restarted), those ids become suspects: the
 * broker requeued whichever of their acks it had not read and delivers them again — flagged {@code redelivered}
 * after a lost connection, not always after a broker restart, so the flag is not required. A message whose id is
 * a suspect was processed already and is acknowledged and dropped (once); anything else — a message never read,
 * an older duplicate — is processed as before, and oslo's 16-id window still applies.
 */
final class LostAcks {

    private final int capacity;
    private ArrayDeque<String> acked;
    private Set<String> suspects = Set.of();

    LostAcks(int capacity) {
        this.capacity = Math.max(16, Math.min(capacity, 65_536));
        this.acked = new ArrayDeque<>(Math.min(this.capacity, 1_024));
    }

    /** {@code id} was acknowledged on the current channel. */
    synchronized void acked(String id) {
        if (id == null) {
            return;
        }
        acked.addLast(id);
        if (acked.size() > capacity) {
            acked.removeFirst();
        }
    }

    /** A new channel replaces the old one: what was acknowledged on the old one may come back. */
    synchronized void channelReplaced() {
        if (acked.isEmpty()) {
            return; // nothing acknowledged since the previous replacement: the suspects still stand
        }
        suspects = new HashSet<>(acked);
        acked = new ArrayDeque<>(Math.min(capacity, 1_024));
    }

    /** Whether this delivery is a message already processed before the channel was lost (each matches once). */
    synchronized boolean alreadyProcessed(String id) {
        return id != null && !suspects.isEmpty() && suspects.remove(id);
    }
}
