package dev.oslo4j.broker.internal.amqp;

import java.util.Map;

import org.apache.qpid.server.model.AbstractConfiguredObjectTypeFactory;
import org.apache.qpid.server.model.Broker;
import org.apache.qpid.server.model.ConfiguredObject;
import org.apache.qpid.server.model.ManagedObject;
import org.apache.qpid.server.model.NamedAddressSpace;
import org.apache.qpid.server.model.Port;
import org.apache.qpid.server.model.VirtualHostNode;
import org.apache.qpid.server.virtualhostalias.VirtualHostNameAliasImpl;

import dev.oslo4j.broker.internal.BrokerState;
import dev.oslo4j.broker.internal.PluginTypes;

/**
 * Resolves the virtual-host name a client sends in {@code connection.open} through the names oslo4j hands
 * out (user virtual hosts and current leases), so a pooled virtual host is reachable only under the name of
 * its current lease. The default virtual host ({@code "/"}) is resolved by Broker-J's default alias.
 */
@ManagedObject(category = false, type = PluginTypes.NAME_ALIAS)
public class RabbitNameAlias extends VirtualHostNameAliasImpl {

    protected RabbitNameAlias(Map<String, Object> attributes, Port<?> port) {
        super(attributes, port);
    }

    @Override
    public NamedAddressSpace getAddressSpace(String name) {
        String node = BrokerState.of(this).nodeForClientName(name);
        if (node == null) {
            return null;
        }
        VirtualHostNode<?> vhn = (VirtualHostNode<?>) getAncestor(Broker.class).getChildByName(VirtualHostNode.class, node);
        return vhn == null ? null : vhn.getVirtualHost();
    }

    /** Hand-written type factory (Broker-J 10's code generator is not published). */
    public static final class Factory extends AbstractConfiguredObjectTypeFactory<VirtualHostNameAliasImpl> {
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Factory() {
            super((Class) RabbitNameAlias.class);
        }

        @Override
        protected VirtualHostNameAliasImpl createInstance(Map<String, Object> attributes, ConfiguredObject<?> parent) {
            return new RabbitNameAlias(attributes, (Port<?>) parent);
        }
    }
}
