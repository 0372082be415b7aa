package dev.oslo4j.broker.internal.amqp;

import java.util.Map;

import org.apache.qpid.server.bytebuffer.QpidByteBuffer;
import org.apache.qpid.server.model.NamedAddressSpace;
import org.apache.qpid.server.model.Queue;
import org.apache.qpid.server.protocol.v0_8.AMQChannel;
import org.apache.qpid.server.protocol.v0_8.AMQShortString;
import org.apache.qpid.server.protocol.v0_8.FieldTable;
import org.apache.qpid.server.protocol.v0_8.transport.BasicContentHeaderProperties;
import org.apache.qpid.server.protocol.v0_8.transport.ServerChannelMethodProcessor;

import dev.oslo4j.broker.internal.vhost.RabbitVirtualHost;

/**
 * One AMQP channel as a RabbitMQ client expects it. Delegates every method to Broker-J's {@link AMQChannel}
 * and steps in only where RabbitMQ differs: declarations ({@link Declarations}), idempotent deletes,
 * delivery-tag rules ({@link DeliveryTags}), stream consumers ({@link StreamConsumers}), {@code expiration} validation, publish confirm order
 * ({@link PublishConfirmOrder}), and RabbitMQ's unsupported-feature errors. Hand-written rather than a
 * {@code Proxy}: Broker-J calls it for every frame.
 */
final class RabbitChannel implements ServerChannelMethodProcessor {

    private final AMQChannel channel;
    private final RabbitConnection connection;
    private final Declarations declarations;
    private final StreamConsumers streams;

    RabbitChannel(AMQChannel channel, RabbitConnection connection) {
        this.channel = channel;
        this.connection = connection;
        this.declarations = new Declarations(this);
        this.streams = new StreamConsumers(this);
    }

    boolean decorates(AMQChannel candidate) {
        return channel == candidate;
    }

    AMQChannel channel() {
        return channel;
    }

    RabbitConnection connection() {
        return connection;
    }

    /** The oslo4j virtual host this channel works in, or null for any other address space. */
    RabbitVirtualHost virtualHost() {
        NamedAddressSpace space = connection.getAddressSpace();
        return space instanceof RabbitVirtualHost v ? v : null;
    }

    void closeChannel(int code, String text) {
        connection.closeChannelAndWriteFrame(channel, code, text);
    }

    void closeConnection(int code, String text) {
        connection.sendConnectionClose(code, text, channel.getChannelId());
    }

    void write(org.apache.qpid.server.protocol.v0_8.transport.AMQMethodBody body) {
        connection.writeFrame(body.generateFrame(channel.getChannelId()));
    }

    // --- declarations and deletions -------------------------------------------------------------------

    @Override
    public void receiveQueueDeclare(AMQShortString queue, boolean passive, boolean durable, boolean exclusive,
                                    boolean autoDelete, boolean nowait, FieldTable arguments) {
        declarations.queueDeclare(queue, passive, durable, exclusive, autoDelete, nowait, arguments);
    }

    @Override
    public void receiveExchangeDeclare(AMQShortString exchange, AMQShortString type, boolean passive, boolean durable,
                                       boolean autoDelete, boolean internal, boolean nowait, FieldTable arguments) {
        declarations.exchangeDeclare(exchange, type, passive, durable, autoDelete, internal, nowait, arguments);
    }

    @Override
    public void receiveQueueDelete(AMQShortString queue, boolean ifUnused, boolean ifEmpty, boolean nowait) {
        declarations.queueDelete(queue, ifUnused, ifEmpty, nowait);
    }

    @Override
    public void receiveExchangeDelete(AMQShortString exchange, boolean ifUnused, boolean nowait) {
        declarations.exchangeDelete(exchange, ifUnused, nowait);
    }

    @Override
    public void receiveQueueUnbind(AMQShortString queue, AMQShortString exchange, AMQShortString bindingKey,
                                   FieldTable arguments) {
        declarations.queueUnbind(queue, exchange, bindingKey, arguments);
    }

    @Override
    public void receiveQueueBind(AMQShortString queue, AMQShortString exchange, AMQShortString bindingKey,
                                 boolean nowait, FieldTable arguments) {
        channel.receiveQueueBind(queue, exchange, bindingKey, nowait, arguments);
    }

    @Override
    public void receiveQueuePurge(AMQShortString queue, boolean nowait) {
        declarations.queuePurge(queue, nowait);
    }

    // --- settling deliveries ---------------------------------------------------------------------------

    @Override
    public void receiveBasicAck(long deliveryTag, boolean multiple) {
        if (checkTag("ack", deliveryTag, multiple)) {
            channel.receiveBasicAck(deliveryTag, multiple);
        }
    }

    @Override
    public void receiveBasicReject(long deliveryTag, boolean requeue) {
        if (checkTag("reject", deliveryTag, false) && !streams.refusesRejectOrNack(deliveryTag)) {
            boolean drop = requeue && DeliveryLimit.exceeded(virtualHost(), channel, deliveryTag);
            channel.receiveBasicReject(deliveryTag, requeue && !drop);
        }
    }

    @Override
    public void receiveBasicNack(long deliveryTag, boolean multiple, boolean requeue) {
        if (!checkTag("nack", deliveryTag, multiple)) {
            return;
        }
        // Broker-J settles only the last tag of a multiple nack; settle each one as RabbitMQ does.
        Iterable<Long> tags = multiple ? DeliveryTags.upTo(channel, deliveryTag == 0 ? Long.MAX_VALUE : deliveryTag)
                : java.util.List.of(deliveryTag);
        for (long tag : tags) {
            if (streams.refusesRejectOrNack(tag)) {
                return;
            }
            boolean drop = requeue && DeliveryLimit.exceeded(virtualHost(), channel, tag);
            channel.receiveBasicNack(tag, false, requeue && !drop);
        }
    }

    private boolean checkTag(String method, long tag, boolean multiple) {
        if (DeliveryTags.known(channel, tag, multiple)) {
            return true;
        }
        closeChannel(RabbitErrors.PRECONDITION_FAILED,
                RabbitErrors.text(RabbitErrors.PRECONDITION_FAILED, "unknown delivery tag " + tag));
        return false;
    }

    // --- consuming -------------------------------------------------------------------------------------

    @Override
    public void receiveBasicConsume(AMQShortString queue, AMQShortString consumerTag, boolean noLocal, boolean noAck,
                                    boolean exclusive, boolean nowait, FieldTable arguments) {
        if (!streams.consume(queue, consumerTag, noLocal, noAck, exclusive, nowait, arguments)) {
            channel.receiveBasicConsume(queue, consumerTag, noLocal, noAck, exclusive, nowait,
                    ConsumeArguments.forBrokerJ(arguments));
        }
    }

    @Override
    public void receiveBasicCancel(AMQShortString consumerTag, boolean noWait) {
        channel.receiveBasicCancel(consumerTag, noWait);
    }

    @Override
    public void receiveBasicGet(AMQShortString queue, boolean noAck) {
        RabbitVirtualHost vhost = virtualHost();
        Queue<?> q = vhost == null || queue == null ? null : vhost.getChildByName(Queue.class, queue.toString());
        if (streams.refusesGet(vhost, q)) {
            return;
        }
        connection.readyCounts().getStarted(q);
        try {
            channel.receiveBasicGet(queue, noAck);
        } finally {
            connection.readyCounts().getEnded();
        }
        if (q != null) {
            vhost.queueUsed(q);
        }
    }

    @Override
    public void receiveBasicQos(long prefetchSize, int prefetchCount, boolean global) {
        if (prefetchSize != 0) {
            closeConnection(RabbitErrors.NOT_IMPLEMENTED,
                    RabbitErrors.text(RabbitErrors.NOT_IMPLEMENTED, "prefetch_size!=0 (" + prefetchSize + ")"));
            return;
        }
        streams.qos(prefetchCount, global);
        channel.receiveBasicQos(prefetchSize, prefetchCount, global);
    }

    @Override
    public void receiveBasicRecover(boolean requeue, boolean sync) {
        channel.receiveBasicRecover(requeue, sync);
    }

    // --- publishing ------------------------------------------------------------------------------------

    @Override
    public void receiveBasicPublish(AMQShortString exchange, AMQShortString routingKey, boolean mandatory,
                                    boolean immediate) {
        if (immediate) {
            closeConnection(RabbitErrors.NOT_IMPLEMENTED,
                    RabbitErrors.text(RabbitErrors.NOT_IMPLEMENTED, "immediate=true"));
            return;
        }
        channel.receiveBasicPublish(exchange, routingKey, mandatory, false);
    }

    @Override
    public void receiveMessageHeader(BasicContentHeaderProperties properties, long bodySize) {
        if (properties.hasExpiration() && properties.getExpiration() < 0) {
            closeChannel(RabbitErrors.PRECONDITION_FAILED, RabbitErrors.text(RabbitErrors.PRECONDITION_FAILED,
                    "invalid expiration '" + properties.getExpiration() + "': {value_negative,"
                            + properties.getExpiration() + "}"));
            return;
        }
        PublishConfirmOrder order = connection.confirmOrder();
        order.begin(channel.getChannelId());
        try {
            channel.receiveMessageHeader(properties, bodySize);
        } finally {
            order.end(connection);
        }
    }

    @Override
    public void receiveMessageContent(QpidByteBuffer data) {
        PublishConfirmOrder order = connection.confirmOrder();
        order.begin(channel.getChannelId());
        try {
            channel.receiveMessageContent(data);
        } finally {
            order.end(connection);
        }
    }

    // --- everything else: Broker-J already behaves like RabbitMQ ----------------------------------------

    @Override
    public void receiveAccessRequest(AMQShortString realm, boolean exclusive, boolean passive, boolean active,
                                     boolean write, boolean read) {
        channel.receiveAccessRequest(realm, exclusive, passive, active, write, read);
    }

    @Override
    public void receiveExchangeBound(AMQShortString exchange, AMQShortString routingKey, AMQShortString queue) {
        channel.receiveExchangeBound(exchange, routingKey, queue);
    }

    @Override
    public void receiveTxSelect() {
        channel.receiveTxSelect();
    }

    @Override
    public void receiveTxCommit() {
        channel.receiveTxCommit();
    }

    @Override
    public void receiveTxRollback() {
        channel.receiveTxRollback();
    }

    @Override
    public void receiveConfirmSelect(boolean nowait) {
        channel.receiveConfirmSelect(nowait);
    }

    @Override
    public void receiveChannelFlow(boolean active) {
        channel.receiveChannelFlow(active);
    }

    @Override
    public void receiveChannelFlowOk(boolean active) {
        channel.receiveChannelFlowOk(active);
    }

    @Override
    public void receiveChannelClose(int replyCode, AMQShortString replyText, int classId, int methodId) {
        channel.receiveChannelClose(replyCode, replyText, classId, methodId);
    }

    @Override
    public void receiveChannelCloseOk() {
        channel.receiveChannelCloseOk();
    }

    @Override
    public boolean ignoreAllButCloseOk() {
        return channel.ignoreAllButCloseOk();
    }

    /** Arguments of {@code basic.consume}: RabbitMQ ignores those it does not know, Broker-J refuses them. */
    static final class ConsumeArguments {
        private ConsumeArguments() {
        }

        static FieldTable forBrokerJ(FieldTable arguments) {
            if (arguments == null) {
                return null;
            }
            Map<String, Object> wire = FieldTable.convertToMap(arguments);
            Object priority = wire.get("x-priority");
            return priority == null ? null : FieldTable.convertToFieldTable(Map.of("x-priority", priority));
        }
    }
}
