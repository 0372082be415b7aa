package dev.oslo4j.broker.internal.vhost;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.qpid.server.model.ConfiguredObject;
import org.apache.qpid.server.model.VirtualHost;
import org.apache.qpid.server.model.VirtualHostNode;
import org.apache.qpid.server.store.ConfiguredObjectRecord;
import org.apache.qpid.server.store.ConfiguredObjectRecordImpl;
import org.apache.qpid.server.store.MemoryConfigurationStore;
import org.apache.qpid.server.store.handler.ConfiguredObjectRecordHandler;

/**
 * An in-memory durable configuration store (queues, exchanges, bindings marked durable) that hands its
 * records to the next Broker-J when the broker is restarted, so durable topology survives as on RabbitMQ.
 */
final class RetainedConfigurationStore extends MemoryConfigurationStore {

    private static final String VIRTUAL_HOST = VirtualHost.class.getSimpleName();
    private static final String NODE = VirtualHostNode.class.getSimpleName();

    private final VirtualHostState owner;
    private volatile UUID nodeId;

    RetainedConfigurationStore(VirtualHostState owner) {
        super(VirtualHost.class);
        this.owner = owner;
    }

    @Override
    public void init(ConfiguredObject<?> parent) {
        nodeId = parent.getId();
        super.init(parent);
    }

    @Override
    public boolean openConfigurationStore(ConfiguredObjectRecordHandler handler,
                                          ConfiguredObjectRecord... initialRecords) {
        List<ConfiguredObjectRecord> retained = owner.takeRetainedRecords();
        if (retained.isEmpty()) {
            return super.openConfigurationStore(handler, initialRecords);
        }
        // After a broker restart the node is a new one: the virtual host record must name it as its parent.
        List<ConfiguredObjectRecord> records = new ArrayList<>(retained.size());
        for (ConfiguredObjectRecord r : retained) {
            records.add(VIRTUAL_HOST.equals(r.getType())
                    ? new ConfiguredObjectRecordImpl(r.getId(), r.getType(), r.getAttributes(), Map.of(NODE, nodeId))
                    : r);
        }
        super.openConfigurationStore(handler, records.toArray(ConfiguredObjectRecord[]::new));
        // Not a new store: "new" would make the virtual host create its amq.* exchanges again, next to the
        // retained ones (a node restarted on its own has no initial records to say otherwise).
        return false;
    }

    /*
     * Broker-J hands the store views of live objects whose attributes are computed when read (an exchange's
     * durable bindings, for one); read at close time, after the queues closed, they would come out empty.
     * So every record is copied the moment it is stored.
     */
    @Override
    public void create(ConfiguredObjectRecord record) {
        super.create(copy(record));
    }

    @Override
    public void update(boolean createIfNecessary, ConfiguredObjectRecord... records) {
        ConfiguredObjectRecord[] copies = new ConfiguredObjectRecord[records.length];
        for (int i = 0; i < records.length; i++) {
            copies[i] = copy(records[i]);
        }
        super.update(createIfNecessary, copies);
    }

    private static ConfiguredObjectRecord copy(ConfiguredObjectRecord r) {
        return new ConfiguredObjectRecordImpl(r.getId(), r.getType(), new HashMap<>(r.getAttributes()),
                new HashMap<>(r.getParents()));
    }

    @Override
    public void closeConfigurationStore() {
        if (owner.retaining()) {
            owner.retainRecords(getConfiguredObjectRecords());
        }
        super.closeConfigurationStore();
    }
}
