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
import org.apache.qpid.server.security.SecurityToken;
import org.apache.qpid.server.security.AccessDeniedException;
import org.apache.qpid.server.store.StorableMessageMetaData;

/**
 * An exchange as seen by one {@code basic.publish}: routes through the real exchange, then notes the
 * {@link PublishOutcome} and tells the {@link PublishRecorder} (when somebody listens). Equal to the
 * exchange it wraps, because Broker-J caches publish authorisation per destination.
 */
final class PublishDestination implements MessageDestination {

    private final MessageDestination exchange;
    private final PublishRecorder recorder;

    PublishDestination(MessageDestination exchange, PublishRecorder recorder) {
        this.exchange = exchange;
        this.recorder = recorder;
    }

    @Override
    public <M extends ServerMessage<? extends StorableMessageMetaData>> RoutingResult<M> route(
            M message, String routingAddress, InstanceProperties instanceProperties) {
        RoutingResult<M> result = exchange.route(message, routingAddress, instanceProperties);
        PublishOutcome.routed(message, result);
        recorder.record(message, exchange.getName(), routingAddress, result.getNumberOfRoutes());
        return result;
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
        return o instanceof PublishDestination r ? exchange.equals(r.exchange) : exchange.equals(o);
    }

    @Override
    public int hashCode() {
        return exchange.hashCode();
    }
}
