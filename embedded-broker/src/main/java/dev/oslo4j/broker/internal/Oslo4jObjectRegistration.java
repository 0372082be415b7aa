package dev.oslo4j.broker.internal;

import java.util.Set;

import org.apache.qpid.server.model.ConfiguredObject;
import org.apache.qpid.server.plugin.ConfiguredObjectRegistration;

import dev.oslo4j.broker.internal.amqp.RabbitNameAlias;
import dev.oslo4j.broker.internal.auth.RabbitAuthenticationProvider;
import dev.oslo4j.broker.internal.vhost.RabbitVirtualHost;
import dev.oslo4j.broker.internal.vhost.RabbitVirtualHostNode;

/**
 * Tells Broker-J's model about oslo4j's configured-object types (hand-written: Broker-J 10's code
 * generator is not on Maven Central). Listed in
 * {@code META-INF/services/org.apache.qpid.server.plugin.ConfiguredObjectRegistration}.
 */
public final class Oslo4jObjectRegistration implements ConfiguredObjectRegistration {

    @Override
    @SuppressWarnings("rawtypes")
    public Set<Class<? extends ConfiguredObject>> getConfiguredObjectClasses() {
        return Set.of(RabbitVirtualHostNode.class, RabbitVirtualHost.class, RabbitAuthenticationProvider.class,
                RabbitNameAlias.class);
    }

    @Override
    public String getType() {
        return "dev.oslo4j.broker.internal";
    }
}
