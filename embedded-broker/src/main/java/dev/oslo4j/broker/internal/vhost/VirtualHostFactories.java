package dev.oslo4j.broker.internal.vhost;

import java.util.Map;

import org.apache.qpid.server.model.AbstractConfiguredObjectTypeFactory;
import org.apache.qpid.server.model.Broker;
import org.apache.qpid.server.model.ConfiguredObject;
import org.apache.qpid.server.model.VirtualHostNode;

/**
 * Hand-written Broker-J type factories (the code generator that would write them is not published for
 * Broker-J 10). Listed in {@code META-INF/services/org.apache.qpid.server.plugin.ConfiguredObjectTypeFactory}.
 */
public final class VirtualHostFactories {

    private VirtualHostFactories() {
    }

    public static final class NodeFactory extends AbstractConfiguredObjectTypeFactory<RabbitVirtualHostNode> {
        public NodeFactory() {
            super(RabbitVirtualHostNode.class);
        }

        @Override
        protected RabbitVirtualHostNode createInstance(Map<String, Object> attributes, ConfiguredObject<?> parent) {
            return new RabbitVirtualHostNode(attributes, (Broker<?>) parent);
        }
    }

    public static final class VirtualHostFactory extends AbstractConfiguredObjectTypeFactory<RabbitVirtualHost> {
        public VirtualHostFactory() {
            super(RabbitVirtualHost.class);
        }

        @Override
        protected RabbitVirtualHost createInstance(Map<String, Object> attributes, ConfiguredObject<?> parent) {
            return new RabbitVirtualHost(attributes, (VirtualHostNode<?>) parent);
        }
    }
}
