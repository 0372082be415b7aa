package dev.oslo4j.broker.internal.vhost;

import org.apache.qpid.server.message.InstanceProperties;
import org.apache.qpid.server.message.MessageDestination;
import org.apache.qpid.server.message.RoutingResult;
import org.apache.qpid.server.message.ServerMessage;
import org.apache.qpid.server.protocol.v0_8.AMQMessage;
import org.apache.qpid.server.store.StorableMessageMetaData;

/**
 * An exchange used as an alternate binding (a queue's {@code x-dead-letter-exchange}, an exchange's
 * {@code alternate-exchange}): a message it routes after it was first published is being dead-lettered, and
 * loses its expiration first, as on RabbitMQ.
 */
final class DeadLetterDestination extends ForwardingDestination {

    DeadLetterDestination(MessageDestination exchange) {
        super(exchange);
    }

    @Override
    public <M extends ServerMessage<? extends StorableMessageMetaData>> RoutingResult<M> route(
            M message, String routingAddress, InstanceProperties instanceProperties) {
        if (message instanceof AMQMessage amqp && amqp.getContentHeaderBody() instanceof RelativeExpiryHeader header) {
            header.deadLettered();
        }
        return exchange.route(message, routingAddress, instanceProperties);
    }
}
