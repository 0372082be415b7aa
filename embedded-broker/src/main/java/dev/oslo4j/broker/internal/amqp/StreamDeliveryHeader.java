package dev.oslo4j.broker.internal.amqp;

import java.util.HashMap;
import java.util.Map;

import org.apache.qpid.server.bytebuffer.QpidByteBuffer;
import org.apache.qpid.server.model.NamedAddressSpace;
import org.apache.qpid.server.protocol.v0_8.AMQChannel;
import org.apache.qpid.server.protocol.v0_8.AMQMessage;
import org.apache.qpid.server.protocol.v0_8.ClientDeliveryMethod;
import org.apache.qpid.server.protocol.v0_8.FieldTable;
import org.apache.qpid.server.protocol.v0_8.MessageMetaData;
import org.apache.qpid.server.protocol.v0_8.transport.BasicContentHeaderProperties;
import org.apache.qpid.server.protocol.v0_8.transport.ContentHeaderBody;
import org.apache.qpid.server.queue.QueueEntry;
import org.apache.qpid.server.store.StoredMessage;

import dev.oslo4j.broker.internal.vhost.RabbitVirtualHost;
import dev.oslo4j.broker.internal.vhost.RelativeExpiryHeader;

/**
 * Adds the {@code x-stream-offset} header (a long) to every delivery from a stream queue, as RabbitMQ
 * does; clients such as oslo.messaging 16 remember it to resume after a reconnection. The stored message
 * is untouched: the delivery is written from a view of it with the extra header.
 */
final class StreamDeliveryHeader {

    static final String HEADER = "x-stream-offset";

    private StreamDeliveryHeader() {
    }

    /** Broker-J's delivery method for one channel, with the header added to stream deliveries. */
    static ClientDeliveryMethod wrap(ClientDeliveryMethod method, RabbitConnection connection, int channelId) {
        return (target, message, props, deliveryTag) -> method.deliverToClient(target,
                withOffset(message, connection, channelId, deliveryTag), props, deliveryTag);
    }

    private static AMQMessage withOffset(AMQMessage msg, RabbitConnection connection, int channelId, long tag) {
        if (!connection.hasStreamConsumers()) {
            return msg;
        }
        NamedAddressSpace space = connection.getAddressSpace();
        AMQChannel channel = connection.getChannel(channelId);
        if (!(space instanceof RabbitVirtualHost vhost) || channel == null) {
            return msg;
        }
        QueueEntry entry = StreamConsumers.deliveredStreamEntry(vhost, channel, tag);
        if (entry == null) {
            return msg;
        }
        return new AMQMessage(new WithHeader(msg.getStoredMessage(), StreamEntries.offset(entry)),
                msg.getConnectionReference());
    }

    /** A stored message seen with one more header; content and identity are the original's. */
    private static final class WithHeader implements StoredMessage<MessageMetaData> {
        private final StoredMessage<MessageMetaData> stored;
        private final MessageMetaData metaData;

        WithHeader(StoredMessage<MessageMetaData> stored, long offset) {
            this.stored = stored;
            MessageMetaData original = stored.getMetaData();
            ContentHeaderBody header = original.getContentHeaderBody();
            BasicContentHeaderProperties props = new BasicContentHeaderProperties(
                    RelativeExpiryHeader.publishedProperties(header));
            Map<String, Object> headers = new HashMap<>(props.getHeadersAsMap());
            headers.put(HEADER, offset);
            props.setHeaders(FieldTable.convertToFieldTable(headers));
            this.metaData = new MessageMetaData(original.getMessagePublishInfo(),
                    new ContentHeaderBody(props, header.getBodySize()), original.getArrivalTime());
        }

        @Override
        public MessageMetaData getMetaData() {
            return metaData;
        }

        @Override
        public long getMessageNumber() {
            return stored.getMessageNumber();
        }

        @Override
        public QpidByteBuffer getContent(int offset, int length) {
            return stored.getContent(offset, length);
        }

        @Override
        public int getContentSize() {
            return stored.getContentSize();
        }

        @Override
        public int getMetadataSize() {
            return stored.getMetadataSize();
        }

        @Override
        public void remove() {
            throw new UnsupportedOperationException("a delivery view cannot remove the stored message");
        }

        @Override
        public boolean isInContentInMemory() {
            return stored.isInContentInMemory();
        }

        @Override
        public long getInMemorySize() {
            return stored.getInMemorySize();
        }

        @Override
        public boolean flowToDisk() {
            return false;
        }

        @Override
        public void reallocate() {
        }
    }
}
