package dev.oslo4j.broker.internal.vhost;

import org.apache.qpid.server.protocol.v0_8.MessageMetaData;
import org.apache.qpid.server.store.MemoryMessageStore;
import org.apache.qpid.server.store.MessageHandle;
import org.apache.qpid.server.store.StorableMessageMetaData;

/**
 * The in-memory message store of an oslo4j virtual host.
 *
 * <p>Two departures from Broker-J's {@link MemoryMessageStore}: per-message {@code expiration} becomes
 * relative to arrival, as on RabbitMQ (see {@link RelativeExpiryHeader}); and the store says it is
 * persistent, so Broker-J records which persistent messages sit on durable queues, and keeps its contents
 * when the broker is closed for a restart. A restart then recovers them through Broker-J's own recovery.
 */
final class RabbitMessageStore extends MemoryMessageStore {

    private final VirtualHostState owner;

    RabbitMessageStore(VirtualHostState owner) {
        this.owner = owner;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends StorableMessageMetaData> MessageHandle<T> addMessage(T metaData) {
        if (metaData instanceof MessageMetaData amqp) {
            return super.addMessage((T) RelativeExpiryHeader.apply(amqp));
        }
        return super.addMessage(metaData);
    }

    @Override
    public boolean isPersistent() {
        return true;
    }

    @Override
    public void closeMessageStore() {
        if (!owner.retaining()) {
            discard();
        }
    }

    /** Frees every message for good. */
    void discard() {
        super.closeMessageStore();
        owner.forgetMessageStore();
    }
}
