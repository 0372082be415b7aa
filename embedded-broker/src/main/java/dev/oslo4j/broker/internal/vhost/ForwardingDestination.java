package dev.oslo4j.broker.internal.vhost;

import java.util.Map;

import org.apache.qpid.server.exchange.DestinationReferrer;
import org.apache.qpid.server.message.MessageDestination;
import org.apache.qpid.server.message.MessageSender;
import org.apache.qpid.server.model.NamedAddressSpace;
import org.apache.qpid.server.model.PublishingLink;
import org.apache.qpid.server.security.AccessDeniedException;
import org.apache.qpid.server.security.SecurityToken;

/**
 * A destination that is an exchange in every respect but routing, which subclasses decorate. Equal to the
 * exchange it wraps, because Broker-J caches publish authorisation per destination.
 */
abstract class ForwardingDestination implements MessageDestination {

    protected final MessageDestination exchange;

    ForwardingDestination(MessageDestination exchange) {
        this.exchange = exchange;
    }

    @Override
    public final String getName() {
        return exchange.getName();
    }

    @Override
    public final NamedAddressSpace getAddressSpace() {
        return exchange.getAddressSpace();
    }

    @Override
    public final void authorisePublish(SecurityToken token, Map<String, Object> arguments)
            throws AccessDeniedException {
        exchange.authorisePublish(token, arguments);
    }

    @Override
    public final boolean isDurable() {
        return exchange.isDurable();
    }

    @Override
    public final void linkAdded(MessageSender sender, PublishingLink link) {
        exchange.linkAdded(sender, link);
    }

    @Override
    public final void linkRemoved(MessageSender sender, PublishingLink link) {
        exchange.linkRemoved(sender, link);
    }

    @Override
    public final MessageDestination getAlternateBindingDestination() {
        return exchange.getAlternateBindingDestination();
    }

    @Override
    public final void addReference(DestinationReferrer destinationReferrer) {
        exchange.addReference(destinationReferrer);
    }

    @Override
    public final void removeReference(DestinationReferrer destinationReferrer) {
        exchange.removeReference(destinationReferrer);
    }

    @Override
    public final boolean equals(Object o) {
        return o instanceof ForwardingDestination d ? exchange.equals(d.exchange) : exchange.equals(o);
    }

    @Override
    public final int hashCode() {
        return exchange.hashCode();
    }
}
