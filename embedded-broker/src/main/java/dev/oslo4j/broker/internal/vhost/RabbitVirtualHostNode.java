package dev.oslo4j.broker.internal.vhost;

import java.util.Collection;
import java.util.Map;

import org.apache.qpid.server.model.Broker;
import org.apache.qpid.server.model.ManagedObject;
import org.apache.qpid.server.model.VirtualHost;
import org.apache.qpid.server.store.DurableConfigurationStore;
import org.apache.qpid.server.virtualhostnode.AbstractStandardVirtualHostNode;

import dev.oslo4j.broker.internal.BrokerState;
import dev.oslo4j.broker.internal.PluginTypes;

/**
 * The virtual-host node of every oslo4j virtual host: in memory, like Broker-J's {@code Memory} node, but
 * its durable configuration store is kept by the {@link BrokerState} across a restart.
 */
@ManagedObject(category = false, type = PluginTypes.NODE,
        validChildTypes = "dev.oslo4j.broker.internal.vhost.RabbitVirtualHostNode#getSupportedChildTypes()")
public class RabbitVirtualHostNode extends AbstractStandardVirtualHostNode<RabbitVirtualHostNode> {

    public RabbitVirtualHostNode(Map<String, Object> attributes, Broker<?> parent) {
        super(attributes, parent);
    }

    @Override
    protected void writeLocationEventLog() {
        // nothing is written anywhere
    }

    @Override
    protected DurableConfigurationStore createConfigurationStore() {
        return new RetainedConfigurationStore(BrokerState.of(this).virtualHost(getName()));
    }

    public static Map<String, Collection<String>> getSupportedChildTypes() {
        return Map.of(VirtualHost.class.getSimpleName(), getSupportedVirtualHostTypes(true));
    }
}
