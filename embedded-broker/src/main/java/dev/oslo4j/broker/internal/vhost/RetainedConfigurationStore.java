package dev.oslo4j.broker.internal.vhost;

import java.util.List;

import org.apache.qpid.server.model.VirtualHost;
import org.apache.qpid.server.store.ConfiguredObjectRecord;
import org.apache.qpid.server.store.MemoryConfigurationStore;
import org.apache.qpid.server.store.handler.ConfiguredObjectRecordHandler;

/**
 * An in-memory durable configuration store (queues, exchanges, bindings marked durable) that hands its
 * records to the next Broker-J when the broker is restarted, so durable topology survives as on RabbitMQ.
 */
final class RetainedConfigurationStore extends MemoryConfigurationStore {

    private final VirtualHostState owner;

    RetainedConfigurationStore(VirtualHostState owner) {
        super(VirtualHost.class);
        this.owner = owner;
    }

    @Override
    public boolean openConfigurationStore(ConfiguredObjectRecordHandler handler,
                                          ConfiguredObjectRecord... initialRecords) {
        List<ConfiguredObjectRecord> retained = owner.takeRetainedRecords();
        ConfiguredObjectRecord[] records = retained.isEmpty()
                ? initialRecords
                : retained.toArray(ConfiguredObjectRecord[]::new);
        return super.openConfigurationStore(handler, records);
    }

    @Override
    public void closeConfigurationStore() {
        if (owner.retaining()) {
            owner.retainRecords(getConfiguredObjectRecords());
        }
        super.closeConfigurationStore();
    }
}
