package dev.oslo4j.broker.internal.amqp;

import org.apache.qpid.server.model.Broker;
import org.apache.qpid.server.model.Protocol;
import org.apache.qpid.server.model.Transport;
import org.apache.qpid.server.model.port.AmqpPort;
import org.apache.qpid.server.plugin.ProtocolEngineCreator;
import org.apache.qpid.server.protocol.v0_8.ProtocolEngineCreator_0_9_1;
import org.apache.qpid.server.transport.AggregateTicker;
import org.apache.qpid.server.transport.ProtocolEngine;
import org.apache.qpid.server.transport.ServerNetworkConnection;

import dev.oslo4j.broker.internal.PluginTypes;

/**
 * Serves AMQP 0-9-1 with {@link RabbitConnection}. Broker-J's own 0-9-1 creator is hidden from plugin
 * discovery while an oslo4j broker starts (see {@code PluginClassLoader}), so this one is the only 0-9-1
 * engine Broker-J knows.
 */
public final class RabbitProtocolEngineCreator implements ProtocolEngineCreator {

    @Override
    public Protocol getVersion() {
        return Protocol.AMQP_0_9_1;
    }

    @Override
    public byte[] getHeaderIdentifier() {
        return ProtocolEngineCreator_0_9_1.getInstance().getHeaderIdentifier();
    }

    @Override
    public ProtocolEngine newProtocolEngine(Broker<?> broker, ServerNetworkConnection network, AmqpPort<?> port,
                                            Transport transport, long id, AggregateTicker aggregateTicker) {
        RabbitConnection connection = new RabbitConnection(broker, network, port, transport, getVersion(), id,
                aggregateTicker);
        connection.create();
        return connection;
    }

    @Override
    public byte[] getSuggestedAlternativeHeader() {
        return null;
    }

    @Override
    public String getType() {
        return PluginTypes.PROTOCOL_ENGINE;
    }
}
