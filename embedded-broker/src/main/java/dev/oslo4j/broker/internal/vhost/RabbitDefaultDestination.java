package dev.oslo4j.broker.internal.vhost;

import java.util.Map;

import org.apache.qpid.server.message.InstanceProperties;
import org.apache.qpid.server.message.MessageDestination;
import org.apache.qpid.server.message.MessageSender;
import org.apache.qpid.server.message.RoutingResult;
import org.apache.qpid.server.message.ServerMessage;
import org.apache.qpid.server.exchange.DestinationReferrer;
import org.apache.qpid.server.model.NamedAddressSpace;
import org.apache.qpid.server.model.PublishingLink;
import org.apache.qpid.server.model.Queue;
import org.apache.qpid.server.security.SecurityToken;
import org.apache.qpid.server.security.AccessDeniedException;
import org.apache.qpid.server.store.StorableMessageMetaData;

/**
 * RabbitMQ's default exchange: the routing key names a queue, and nothing else. (Broker-J's own default
 * destination also resolves exchange names and {@code exchange/key} addresses.) Records every publish
 * when somebody listens.
 */
final class RabbitDefaultDestination implements MessageDestination {

    private final MessageDestination stock;
    private final RabbitVirtualHost virtualHost;
    private final PublishRecorder recorder;

    RabbitDefaultDestination(MessageDestination stock, RabbitVirtualHost virtualHost, PublishRecorder recorder) {
        this.stock = stock;
        this.virtualHost = virtualHost;
        this.recorder = recorder;
    }

    @Override
    public <M extends ServerMessage<? extends StorableMessageMetaData>> RoutingResult<M> route(
            M message, String routingAddress, InstanceProperties instanceProperties) {
        RoutingResult<M> result = new RoutingResult<>(message);
        Queue<?> queue = routingAddress == null ? null : virtualHost.getChildByName(Queue.class, routingAddress);
        if (queue != null) {
            result.add(queue.route(message, routingAddress, instanceProperties));
        }
        PublishOutcome.routed(message, result);
        recorder.record(message, "", routingAddress, result.getNumberOfRoutes());
        return result;
    }

    @Override
    public String getName() {
        return stock.getName();
    }

    @Override
    public NamedAddressSpace getAddressSpace() {
        return stock.getAddressSpace();
    }

    @Override
    public void authorisePublish(SecurityToken token, Map<String, Object> arguments) throws AccessDeniedException {
        stock.authorisePublish(token, arguments);
    }

    @Override
    public boolean isDurable() {
        return true;
    }

    @Override
    public void linkAdded(MessageSender sender, PublishingLink link) {
        stock.linkAdded(sender, link);
    }

    @Override
    public void linkRemoved(MessageSender sender, PublishingLink link) {
        stock.linkRemoved(sender, link);
    }

    @Override
    public MessageDestination getAlternateBindingDestination() {
        return null;
    }

    @Override
    public void addReference(DestinationReferrer destinationReferrer) {
        stock.addReference(destinationReferrer);
    }

    @Override
    public void removeReference(DestinationReferrer destinationReferrer) {
        stock.removeReference(destinationReferrer);
    }
}
