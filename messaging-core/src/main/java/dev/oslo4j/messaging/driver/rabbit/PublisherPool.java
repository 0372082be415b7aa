package dev.oslo4j.messaging.driver.rabbit;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

import java.io.IOException;

/**
 * Confirm-mode channels for publishing from many threads without a shared lock: each thread uses the slot its
 * id maps to (up to {@code rpc_conn_pool_size} slots), so one thread keeps one channel and its declaration
 * cache. Channels are opened lazily and replaced when lost.
 */
final class PublisherPool {

    private final ConnectionSupervisor supervisor;
    private final PublishChannel[] slots;
    private final Object[] locks;

    PublisherPool(ConnectionSupervisor supervisor, int size) {
        this.supervisor = supervisor;
        this.slots = new PublishChannel[size];
        this.locks = new Object[size];
        for (int i = 0; i < size; i++) {
            locks[i] = new Object();
        }
    }

    /** The calling thread's channel, opened on demand; {@link ConnectionLost} when there is no connection. */
    PublishChannel channel() {
        int i = (int) Math.floorMod(Thread.currentThread().getId(), (long) slots.length);
        PublishChannel ch = slots[i];
        if (ch != null && ch.isOpen()) {
            return ch;
        }
        synchronized (locks[i]) {
            ch = slots[i];
            if (ch != null && ch.isOpen()) {
                return ch;
            }
            Connection c = supervisor.current();
            try {
                Channel raw = c.createChannel();
                if (raw == null) {
                    throw new ConnectionLost("the broker has no free channel");
                }
                ch = new PublishChannel(raw);
            } catch (IOException | RuntimeException e) {
                throw e instanceof ConnectionLost cl ? cl : PublishChannel.translate(e);
            }
            slots[i] = ch;
            return ch;
        }
    }

    /** Closes every channel; returns how many publishes were still awaiting their confirm (and failed). */
    int close() {
        int unconfirmed = 0;
        for (int i = 0; i < slots.length; i++) {
            synchronized (locks[i]) {
                if (slots[i] != null) {
                    unconfirmed += slots[i].close();
                    slots[i] = null;
                }
            }
        }
        return unconfirmed;
    }
}
