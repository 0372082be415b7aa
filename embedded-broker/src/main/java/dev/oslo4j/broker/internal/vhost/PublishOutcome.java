package dev.oslo4j.broker.internal.vhost;

import org.apache.qpid.server.message.RoutingResult;
import org.apache.qpid.server.message.ServerMessage;
import org.apache.qpid.server.message.RejectType;
import org.apache.qpid.server.protocol.v0_8.AMQMessage;

/**
 * What routing a publish found out that the 0-9-1 channel needs afterwards, on the same I/O thread: whether
 * a queue refused the message because it was full ({@code x-overflow: reject-publish}), which RabbitMQ
 * confirms with {@code basic.nack} (Broker-J acks it).
 */
public final class PublishOutcome {

    private static final ThreadLocal<Boolean> REJECTED_BY_OVERFLOW = new ThreadLocal<>();

    private PublishOutcome() {
    }

    /** Called by the publish destinations once a publish is routed. */
    static void routed(ServerMessage<?> message, RoutingResult<?> result) {
        if (result.containsReject(RejectType.LIMIT_EXCEEDED)) {
            REJECTED_BY_OVERFLOW.set(Boolean.TRUE);
        }
        if (message instanceof AMQMessage amqp
                && amqp.getContentHeaderBody() instanceof RelativeExpiryHeader header) {
            header.published();
        }
    }

    /** Whether the publish just completed on this thread was refused by a full queue; clears the flag. */
    public static boolean takeRejectedByOverflow() {
        boolean rejected = REJECTED_BY_OVERFLOW.get() != null;
        REJECTED_BY_OVERFLOW.remove();
        return rejected;
    }
}
