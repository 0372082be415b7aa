package dev.oslo4j.broker.internal.vhost;

import java.util.List;
import java.util.function.BooleanSupplier;

import org.apache.qpid.server.store.ConfiguredObjectRecord;

/**
 * What one virtual-host node keeps across a broker restart: its durable configuration records, its
 * message store (persistent messages on durable queues), what clients declared (for RabbitMQ's
 * equivalence checks), and who listens to its publishes.
 */
public final class VirtualHostState {

    private final String nodeName;
    private final PublishRecorder recorder;
    private final QueueDeclarations declarations = new QueueDeclarations();
    private volatile String clientName;
    private volatile List<ConfiguredObjectRecord> retainedRecords = List.of();
    private volatile RabbitMessageStore messageStore;
    private final BooleanSupplier retaining;
    /** Set while this virtual host alone is restarted ({@code restartVirtualHost}). */
    private volatile boolean restarting;
    /** Not {@code this}: Broker-J threads lock {@code this} (the message store) while a restart waits for them. */
    private final Object restartLock = new Object();

    public VirtualHostState(String nodeName, BooleanSupplier retaining) {
        this.nodeName = nodeName;
        this.retaining = retaining;
        this.clientName = nodeName;
        this.recorder = new PublishRecorder(this);
    }

    public String nodeName() {
        return nodeName;
    }

    /** The name clients use for this virtual host ({@code "/"}, a user vhost name, or a lease name). */
    public String clientName() {
        return clientName;
    }

    public void clientName(String name) {
        this.clientName = name;
    }

    /** Whether a close now in progress is a restart (of the broker or of this vhost), which keeps durable state. */
    boolean retaining() {
        return restarting || retaining.getAsBoolean();
    }

    public Object restartLock() {
        return restartLock;
    }

    /**
     * Runs {@code restart} (which closes and reopens this virtual host's node) so that the close keeps the
     * durable configuration and persistent messages for the reopened node, as a broker restart does.
     */
    public void restartRetainingDurableState(Runnable restart) {
        restarting = true;
        try {
            restart.run();
        } finally {
            restarting = false;
        }
    }

    public PublishRecorder recorder() {
        return recorder;
    }

    public QueueDeclarations declarations() {
        return declarations;
    }

    List<ConfiguredObjectRecord> takeRetainedRecords() {
        List<ConfiguredObjectRecord> records = retainedRecords;
        retainedRecords = List.of();
        return records;
    }

    void retainRecords(List<ConfiguredObjectRecord> records) {
        this.retainedRecords = List.copyOf(records);
    }

    synchronized RabbitMessageStore messageStore() {
        if (messageStore == null) {
            messageStore = new RabbitMessageStore(this);
        }
        return messageStore;
    }

    synchronized void forgetMessageStore() {
        messageStore = null;
    }

    /** Forgets listeners and declarations, as for a new virtual host (its queues are already gone). */
    public void reset() {
        recorder.clear();
        declarations.clear();
    }

    /** Drops everything retained (the node is deleted or the broker closed for good). */
    public synchronized void discard() {
        retainedRecords = List.of();
        recorder.clear();
        declarations.clear();
        if (messageStore != null) {
            messageStore.discard();
            messageStore = null;
        }
    }
}
