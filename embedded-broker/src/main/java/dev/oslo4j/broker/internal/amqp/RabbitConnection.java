package dev.oslo4j.broker.internal.amqp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.qpid.server.model.Broker;
import org.apache.qpid.server.model.Protocol;
import org.apache.qpid.server.model.Transport;
import org.apache.qpid.server.model.port.AmqpPort;
import org.apache.qpid.server.protocol.v0_8.AMQChannel;
import org.apache.qpid.server.protocol.v0_8.AMQPConnection_0_8Impl;
import org.apache.qpid.server.protocol.v0_8.AMQShortString;
import org.apache.qpid.server.protocol.v0_8.ClientDeliveryMethod;
import org.apache.qpid.server.protocol.v0_8.FieldTable;
import org.apache.qpid.server.protocol.v0_8.ProtocolOutputConverter;
import org.apache.qpid.server.protocol.v0_8.transport.AMQDataBlock;
import org.apache.qpid.server.protocol.v0_8.transport.ServerChannelMethodProcessor;
import org.apache.qpid.server.transport.AggregateTicker;
import org.apache.qpid.server.transport.ServerNetworkConnection;

/**
 * Broker-J's AMQP 0-9-1 connection with RabbitMQ's manners: errors RabbitMQ confines to a channel close
 * only that channel, with RabbitMQ's codes ({@link RabbitErrors}); login failures and unknown virtual
 * hosts are reported as RabbitMQ reports them; each channel is seen through a {@link RabbitChannel}; a
 * mandatory unroutable publish under confirms gets {@code basic.return} then {@code basic.ack}; and message
 * counts are RabbitMQ's ready counts ({@link ReadyCounts}); stream deliveries carry their offset
 * ({@link StreamDeliveryHeader}).
 */
public class RabbitConnection extends AMQPConnection_0_8Impl {

    private final Map<Integer, RabbitChannel> decorators = new ConcurrentHashMap<>();
    private final PublishConfirmOrder confirmOrder = new PublishConfirmOrder();
    private final ReadyCounts readyCounts = new ReadyCounts(this);
    private volatile ProtocolOutputConverter converter;
    private volatile ProtocolOutputConverter wrappedConverter;
    private volatile String mechanism;
    private volatile boolean streamConsumers;

    public RabbitConnection(Broker<?> broker, ServerNetworkConnection network, AmqpPort<?> port, Transport transport,
                            Protocol protocol, long connectionId, AggregateTicker aggregateTicker) {
        super(broker, network, port, transport, protocol, connectionId, aggregateTicker);
    }

    @Override
    public ServerChannelMethodProcessor getChannelMethodProcessor(int channelId) {
        ServerChannelMethodProcessor processor = super.getChannelMethodProcessor(channelId);
        if (!(processor instanceof AMQChannel channel)) {
            decorators.remove(channelId);
            return processor;
        }
        RabbitChannel decorator = decorators.get(channelId);
        if (decorator == null || !decorator.decorates(channel)) {
            decorator = new RabbitChannel(channel, this);
            decorators.put(channelId, decorator);
        }
        return decorator;
    }

    @Override
    public ClientDeliveryMethod createDeliveryMethod(int channelId) {
        return StreamDeliveryHeader.wrap(super.createDeliveryMethod(channelId), this, channelId);
    }

    @Override
    public void receiveConnectionStartOk(FieldTable clientProperties, AMQShortString mechanism, byte[] response,
                                         AMQShortString locale) {
        this.mechanism = mechanism == null ? null : mechanism.toString();
        super.receiveConnectionStartOk(clientProperties, mechanism, response, locale);
    }

    @Override
    public void sendConnectionClose(int errorCode, String message, int channelId) {
        if (channelId > 0) {
            AMQChannel channel = getChannel(channelId);
            RabbitErrors.Error asChannel = channel == null ? null : RabbitErrors.asChannelError(errorCode, message);
            if (asChannel != null) {
                super.closeChannelAndWriteFrame(channel, asChannel.code(), asChannel.text());
                return;
            }
            super.sendConnectionClose(errorCode, message, channelId);
            return;
        }
        RabbitErrors.Error error = RabbitErrors.onConnection(errorCode, message, mechanism);
        super.sendConnectionClose(error.code(), error.text(), channelId);
    }

    @Override
    public void closeChannelAndWriteFrame(AMQChannel channel, int cause, String message) {
        RabbitErrors.Error error = RabbitErrors.onChannel(cause, message);
        super.closeChannelAndWriteFrame(channel, error.code(), error.text());
    }

    @Override
    public void writeFrame(AMQDataBlock frame) {
        if (!confirmOrder.hold(frame)) {
            super.writeFrame(readyCounts.rewrite(frame));
        }
    }

    @Override
    public ProtocolOutputConverter getProtocolOutputConverter() {
        ProtocolOutputConverter current = super.getProtocolOutputConverter();
        if (current != converter) {
            converter = current;
            wrappedConverter = current == null ? null : readyCounts.wrap(current);
        }
        return wrappedConverter;
    }

    /** A stream consumer was added on this connection: deliveries may need an {@code x-stream-offset}. */
    void streamConsumerAdded() {
        streamConsumers = true;
    }

    boolean hasStreamConsumers() {
        return streamConsumers;
    }

    ReadyCounts readyCounts() {
        return readyCounts;
    }

    /** Writes without the confirm-order check (used when releasing a held confirm). */
    void writeFrameDirectly(AMQDataBlock frame) {
        super.writeFrame(frame);
    }

    PublishConfirmOrder confirmOrder() {
        return confirmOrder;
    }
}
