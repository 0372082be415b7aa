package dev.oslo4j.broker.internal.amqp;

import org.apache.qpid.server.message.InstanceProperties;
import org.apache.qpid.server.message.MessageContentSource;
import org.apache.qpid.server.model.NamedAddressSpace;
import org.apache.qpid.server.model.Queue;
import org.apache.qpid.server.protocol.v0_8.AMQMessage;
import org.apache.qpid.server.protocol.v0_8.AMQShortString;
import org.apache.qpid.server.protocol.v0_8.ProtocolOutputConverter;
import org.apache.qpid.server.protocol.v0_8.transport.AMQDataBlock;
import org.apache.qpid.server.protocol.v0_8.transport.AMQFrame;
import org.apache.qpid.server.protocol.v0_8.transport.ContentHeaderBody;
import org.apache.qpid.server.protocol.v0_8.transport.MessagePublishInfo;
import org.apache.qpid.server.protocol.v0_8.transport.QueueDeclareOkBody;

/**
 * RabbitMQ's message counts in {@code queue.declare-ok} and {@code basic.get-ok}: messages ready for
 * delivery. Broker-J counts every message on the queue, those delivered and awaiting an ack included.
 */
final class ReadyCounts {

    private final RabbitConnection connection;
    /** The queue of the {@code basic.get} being answered on the I/O thread, if any. */
    private Queue<?> getting;
    private Thread gettingThread;

    ReadyCounts(RabbitConnection connection) {
        this.connection = connection;
    }

    void getStarted(Queue<?> queue) {
        getting = queue;
        gettingThread = Thread.currentThread();
    }

    void getEnded() {
        getting = null;
        gettingThread = null;
    }

    /** A declare-ok with the ready count, or {@code frame} itself when it is something else. */
    AMQDataBlock rewrite(AMQDataBlock frame) {
        if (frame instanceof AMQFrame f && f.getBodyFrame() instanceof QueueDeclareOkBody ok) {
            NamedAddressSpace space = connection.getAddressSpace();
            if (space != null && space.getAttainedMessageSource(AMQShortString.toString(ok.getQueue())) instanceof Queue<?> queue
                    && queue.getAvailableMessages() != ok.getMessageCount()) {
                return connection.getMethodRegistry()
                        .createQueueDeclareOkBody(ok.getQueue(), queue.getAvailableMessages(), ok.getConsumerCount())
                        .generateFrame(f.getChannel());
            }
        }
        return frame;
    }

    /** Wraps Broker-J's output converter so that get-ok carries the ready count. */
    ProtocolOutputConverter wrap(ProtocolOutputConverter converter) {
        return new ProtocolOutputConverter() {
            @Override
            public void confirmConsumerAutoClose(int channelId, AMQShortString consumerTag) {
                converter.confirmConsumerAutoClose(channelId, consumerTag);
            }

            @Override
            public long writeDeliver(AMQMessage msg, InstanceProperties props, int channelId, long deliveryTag,
                                     AMQShortString consumerTag) {
                return converter.writeDeliver(msg, props, channelId, deliveryTag, consumerTag);
            }

            @Override
            public long writeGetOk(AMQMessage msg, InstanceProperties props, int channelId, long deliveryTag,
                                   int queueSize) {
                Queue<?> queue = gettingThread == Thread.currentThread() ? getting : null;
                int ready = queue == null ? queueSize : queue.getAvailableMessages();
                return converter.writeGetOk(msg, props, channelId, deliveryTag, ready);
            }

            @Override
            public void writeReturn(MessagePublishInfo info, ContentHeaderBody header, MessageContentSource content,
                                    int channelId, int replyCode, AMQShortString replyText) {
                converter.writeReturn(info, header, content, channelId, replyCode, replyText);
            }

            @Override
            public void writeFrame(AMQDataBlock block) {
                converter.writeFrame(block);
            }
        };
    }
}
