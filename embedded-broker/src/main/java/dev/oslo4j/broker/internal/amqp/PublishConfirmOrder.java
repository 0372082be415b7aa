package dev.oslo4j.broker.internal.amqp;

import org.apache.qpid.server.protocol.v0_8.ProtocolOutputConverterImpl;
import org.apache.qpid.server.protocol.v0_8.transport.AMQDataBlock;
import org.apache.qpid.server.protocol.v0_8.transport.AMQFrame;
import org.apache.qpid.server.protocol.v0_8.transport.BasicAckBody;
import org.apache.qpid.server.protocol.v0_8.transport.BasicNackBody;

import dev.oslo4j.broker.internal.vhost.PublishOutcome;

/**
 * RabbitMQ's confirms for the publishes Broker-J confirms differently:
 * <ul>
 * <li>a mandatory message nobody can route: {@code basic.return} first, then {@code basic.ack} (Broker-J
 *     sends {@code basic.nack} before the return, so {@code waitForConfirms()} says false and oslo's reply
 *     path, which relies on mandatory + confirms, would see a failure);</li>
 * <li>a message a full queue refuses ({@code x-overflow: reject-publish}): {@code basic.nack} and no return
 *     (Broker-J acks it, or returns and nacks it when mandatory).</li>
 * </ul>
 * While a publish completes on a channel ({@link #begin} … {@link #end}), the confirm Broker-J writes for
 * it immediately is held and rewritten after the routing outcome is known. Only the connection's I/O thread,
 * which completes publishes, ever holds.
 */
final class PublishConfirmOrder {

    private volatile Thread thread;
    private int channelId;
    private AMQFrame held;
    private boolean returned;
    private boolean rejectedByOverflow;

    void begin(int channel) {
        PublishOutcome.takeRejectedByOverflow();
        thread = Thread.currentThread();
        channelId = channel;
        held = null;
        returned = false;
        rejectedByOverflow = false;
    }

    /** True when {@code frame} was held back (or dropped); false when it must be written now. */
    boolean hold(AMQDataBlock frame) {
        if (thread != Thread.currentThread()) {
            return false;
        }
        if (held == null && frame instanceof AMQFrame f && f.getChannel() == channelId
                && (f.getBodyFrame() instanceof BasicNackBody || f.getBodyFrame() instanceof BasicAckBody)) {
            held = f;
            rejectedByOverflow = PublishOutcome.takeRejectedByOverflow();
            return true;
        }
        if (held != null && isReturn(frame)) {
            returned = true;
            // A message a full queue refused was routed: RabbitMQ nacks it and does not return it.
            return rejectedByOverflow;
        }
        return false;
    }

    private boolean isReturn(AMQDataBlock frame) {
        return frame instanceof ProtocolOutputConverterImpl.CompositeAMQBodyBlock
                || frame instanceof ProtocolOutputConverterImpl.SmallCompositeAMQBodyBlock;
    }

    void end(RabbitConnection connection) {
        AMQFrame confirm = held;
        boolean wasReturned = returned;
        boolean refused = rejectedByOverflow;
        int channel = channelId;
        thread = null;
        held = null;
        PublishOutcome.takeRejectedByOverflow();
        if (confirm == null) {
            return;
        }
        long tag = confirm.getBodyFrame() instanceof BasicNackBody nack ? nack.getDeliveryTag()
                : ((BasicAckBody) confirm.getBodyFrame()).getDeliveryTag();
        if (refused) {
            connection.writeFrameDirectly(new AMQFrame(channel, new BasicNackBody(tag, false, false)));
        } else if (wasReturned) {
            connection.writeFrameDirectly(new AMQFrame(channel, new BasicAckBody(tag, false)));
        } else {
            connection.writeFrameDirectly(confirm);
        }
    }
}
