package dev.oslo4j.broker.internal.amqp;

import org.apache.qpid.server.protocol.v0_8.transport.AMQDataBlock;
import org.apache.qpid.server.protocol.v0_8.transport.AMQFrame;
import org.apache.qpid.server.protocol.v0_8.transport.BasicAckBody;
import org.apache.qpid.server.protocol.v0_8.transport.BasicNackBody;

/**
 * RabbitMQ's order for a mandatory message nobody can route, under publisher confirms: {@code basic.return}
 * first, then {@code basic.ack} (the broker did take responsibility for it). Broker-J sends
 * {@code basic.nack} before the return, so {@code waitForConfirms()} says false and oslo's reply path,
 * which relies on mandatory + confirms, would see a failure.
 *
 * <p>While a publish completes on a channel ({@link #begin}), a nack written for it is held; if a return
 * follows, the nack becomes an ack written after the return, otherwise it is written unchanged.
 * Only the connection's I/O thread, which completes publishes, ever holds.
 */
final class PublishConfirmOrder {

    private volatile Thread thread;
    private int channelId;
    private BasicNackBody held;
    private boolean returned;

    void begin(int channel) {
        thread = Thread.currentThread();
        channelId = channel;
        held = null;
        returned = false;
    }

    /** True when {@code frame} was held back; false when it must be written now. */
    boolean hold(AMQDataBlock frame) {
        if (thread != Thread.currentThread()) {
            return false;
        }
        if (held == null && frame instanceof AMQFrame f && f.getChannel() == channelId
                && f.getBodyFrame() instanceof BasicNackBody nack) {
            held = nack;
            return true;
        }
        if (held != null) {
            returned = true;
        }
        return false;
    }

    void end(RabbitConnection connection) {
        BasicNackBody nack = held;
        boolean wasReturned = returned;
        int channel = channelId;
        thread = null;
        held = null;
        if (nack != null) {
            connection.writeFrameDirectly(new AMQFrame(channel, wasReturned
                    ? new BasicAckBody(nack.getDeliveryTag(), nack.getMultiple())
                    : nack));
        }
    }
}
