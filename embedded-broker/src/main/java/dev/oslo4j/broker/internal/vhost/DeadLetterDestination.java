package dev.oslo4j.broker.internal.vhost;

import java.util.Map;

import org.apache.qpid.server.exchange.DestinationReferrer;
import org.apache.qpid.server.message.InstanceProperties;
import org.apache.qpid.server.message.MessageDestination;
import org.apache.qpid.server.message.MessageSender;
import org.apache.qpid.server.message.RoutingResult;
import org.apache.qpid.server.message.ServerMessage;
import org.apache.qpid.server.model.NamedAddressSpace;
import org.apache.qpid.server.model.PublishingLink;
import org.apache.qpid.server.protocol.v0_8.AMQMessage;
import org.apache.qpid.server.security.AccessDeniedException;
import org.apache.qpid.server.security.SecurityToken;
import org.apache.qpid.server.store.StorableMessageMetaData;

/**
 * An exchange used as an alternate binding (a queue's {@code x-dead-letter-exchange}, an exchange's
 * {@code alternate-exchange}): a message it routes after it was first published is being dead-lettered, and
 * loses its expiration first, as on RabbitMQ.
 */
final class DeadLetterDestination implements MessageDestination {

    private final MessageDestination exchange;

    DeadLetterDestination(MessageDestination exchange) {
        this.exchange = exchange;
    }

    @Override
    public <M extends ServerMessage<? extends StorableMessageMetaData>> RoutingResult<M> route(
            M message, String routingAddress, InstanceProperties instanceProperties) {
        if (message instanceof AMQMessage amqp && amqp.getContentHeaderBody() instanceof RelativeExpiryHeader header) {
            header.deadLettered();
        }
        return exchange.route(message, routingAddress, instanceProperties);
    }

    @Override
    public String getName() {
        return exchange.getName();
    }

    @Override
    public NamedAddressSpace getAddressSpace() {
        return exchange.getAddressSpace();
    }

    @Override
    public void authorisePublish(SecurityToken token, Map<String, Object> arguments) throws AccessDeniedException {
        exchange.authorisePublish(token, arguments);
    }

    @Override
    public boolean isDurable() {
        return exchange.isDurable();
    }

    @Override
    public void linkAdded(MessageSender sender, PublishingLink link) {
        exchange.linkAdded(sender, link);
    }

    @Override
    public void linkRemoved(MessageSender sender, PublishingLink link) {
        exchange.linkRemoved(sender, link);
    }

    @Override
    public MessageDestination getAlternateBindingDestination() {
        return exchange.getAlternateBindingDestination();
    }

    @Override
    public void addReference(DestinationReferrer destinationReferrer) {
        exchange.addReference(destinationReferrer);
    }

    @Override
    public void removeReference(DestinationReferrer destinationReferrer) {
        exchange.removeReference(destinationReferrer);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeadLetterDestination d ? exchange.equals(d.exchange) : exchange.equals(o);
    }

    @Override
    public int hashCode() {
        return exchange.hashCode();
    }
}
