package dev.oslo4j.broker.internal.vhost;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.qpid.server.message.MessageDestination;
import org.apache.qpid.server.model.AbstractConfigurationChangeListener;
import org.apache.qpid.server.model.ConfiguredObject;
import org.apache.qpid.server.model.Consumer;
import org.apache.qpid.server.model.Exchange;
import org.apache.qpid.server.model.ManagedObject;
import org.apache.qpid.server.model.Queue;
import org.apache.qpid.server.model.State;
import org.apache.qpid.server.model.VirtualHostNode;
import org.apache.qpid.server.store.MessageStore;
import org.apache.qpid.server.virtualhost.AbstractVirtualHost;

import dev.oslo4j.broker.internal.BrokerState;
import dev.oslo4j.broker.internal.PluginTypes;

/**
 * A Broker-J virtual host that behaves like a RabbitMQ vhost where the two differ at the model level:
 * relative per-message TTL and restart-surviving persistence ({@link RabbitMessageStore}), RabbitMQ's
 * default exchange and publish recording ({@link RabbitDefaultDestination}, {@link PublishDestination}),
 * {@code x-expires} ({@link QueueExpiry}), consumer cancel notification ({@link ConsumerCancelNotifier}).
 * Protocol-level differences live in the 0-9-1 connection ({@code internal.amqp}).
 */
@ManagedObject(category = false, type = PluginTypes.VIRTUAL_HOST)
public class RabbitVirtualHost extends AbstractVirtualHost<RabbitVirtualHost> {

    private final QueueExpiry expiry = new QueueExpiry(this);
    private final ConsumerCancelNotifier cancelNotifier = new ConsumerCancelNotifier();
    private final QueueListener queueListener = new QueueListener();
    private volatile VirtualHostState state;
    private volatile MessageDestination defaultDestination;

    public RabbitVirtualHost(Map<String, Object> attributes, VirtualHostNode<?> virtualHostNode) {
        super(attributes, virtualHostNode);
    }

    /** This virtual host's state that outlives restarts. */
    public VirtualHostState rabbitState() {
        VirtualHostState s = state;
        if (s == null) {
            s = BrokerState.of(this).virtualHost(getParent().getName());
            state = s;
        }
        return s;
    }

    @Override
    protected MessageStore createMessageStore() {
        return rabbitState().messageStore();
    }

    /**
     * Broker-J validates a new virtual host by opening and closing a throw-away message store; oslo4j's store
     * is the retained one, which that close would empty. Memory never fails to open.
     */
    @Override
    protected void validateMessageStoreCreation() {
    }

    @Override
    protected void onOpen() {
        rabbitState();
        super.onOpen();
        defaultDestination = new RabbitDefaultDestination(super.getDefaultDestination(), this, state.recorder());
        addChangeListener(new AbstractConfigurationChangeListener() {
            @Override
            public void stateChanged(ConfiguredObject<?> object, State oldState, State newState) {
                if (newState == State.ACTIVE && oldState != State.ACTIVE) {
                    onActive();
                }
            }

            @Override
            public void childAdded(ConfiguredObject<?> object, ConfiguredObject<?> child) {
                if (child instanceof Queue<?> queue) {
                    queue.addChangeListener(queueListener);
                }
            }

            @Override
            public void childRemoved(ConfiguredObject<?> object, ConfiguredObject<?> child) {
                if (child instanceof Queue<?> queue) {
                    expiry.forget(queue.getName());
                    state.declarations().remove(queue.getName());
                }
            }
        });
    }

    /** Recovered queues (after a restart) get their listeners and {@code x-expires} clocks back. */
    private void onActive() {
        Set<String> existing = getChildren(Queue.class).stream().map(Queue::getName).collect(Collectors.toSet());
        state.declarations().retainOnly(existing);
        for (Queue<?> queue : getChildren(Queue.class)) {
            queue.addChangeListener(queueListener);
            QueueDeclarations.Declared declared = state.declarations().get(queue.getName());
            if (declared != null) {
                expiry.declared(queue, expiresOf(declared));
            }
        }
    }

    @Override
    protected java.util.concurrent.CompletableFuture<Void> onClose() {
        expiry.cancelAll();
        return super.onClose();
    }

    @Override
    public MessageDestination getDefaultDestination() {
        MessageDestination d = defaultDestination;
        return d != null ? d : super.getDefaultDestination();
    }

    /**
     * The publish look-up ({@code mayCreate}): RabbitMQ publishes only to exchanges, never to a queue
     * named like one (Broker-J would). The exchange is wrapped to report routing ({@link PublishDestination}).
     */
    @Override
    public MessageDestination getAttainedMessageDestination(String name, boolean mayCreate) {
        if (!mayCreate) {
            return super.getAttainedMessageDestination(name, false);
        }
        Exchange<?> exchange = getChildByName(Exchange.class, name);
        if (exchange == null) {
            return null;
        }
        return new PublishDestination(exchange, rabbitState().recorder());
    }

    /**
     * Broker-J resolves alternate bindings (dead-letter and alternate exchanges) through this look-up first;
     * oslo4j has no system destinations, so it is free to hand out the dead-lettering view of the exchange.
     */
    @Override
    public MessageDestination getSystemDestination(String name) {
        MessageDestination system = super.getSystemDestination(name);
        if (system != null) {
            return system;
        }
        Exchange<?> exchange = getChildByName(Exchange.class, name);
        return exchange == null ? null : new DeadLetterDestination(exchange);
    }

    /** A queue was declared with these RabbitMQ flags and arguments (called after Broker-J created it). */
    public void queueDeclared(Queue<?> queue, QueueDeclarations.Declared declared, boolean created) {
        if (created || rabbitState().declarations().get(queue.getName()) == null) {
            rabbitState().declarations().put(queue.getName(), declared);
            expiry.declared(queue, expiresOf(declared));
        } else {
            expiry.used(queue);
        }
    }

    /** {@code basic.get}: RabbitMQ counts it as use of the queue for {@code x-expires}. */
    public void queueUsed(Queue<?> queue) {
        expiry.used(queue);
    }

    private static Long expiresOf(QueueDeclarations.Declared declared) {
        Object value = declared.arguments().get("x-expires");
        return value instanceof Number n ? n.longValue() : null;
    }

    /** An exclusive auto-delete queue lives until its connection closes or its last consumer goes. */
    private void deleteIfExclusiveAutoDeleteUnused(Queue<?> queue) {
        QueueDeclarations.Declared declared = rabbitState().declarations().get(queue.getName());
        if (declared != null && declared.exclusive() && declared.autoDelete() && queue.getConsumerCount() == 0
                && !queue.isDeleted()) {
            queue.deleteAsync();
        }
    }

    private final class QueueListener extends AbstractConfigurationChangeListener {
        @Override
        public void childAdded(ConfiguredObject<?> object, ConfiguredObject<?> child) {
            if (object instanceof Queue<?> queue && child instanceof Consumer) {
                expiry.consumersChanged(queue);
            }
        }

        @Override
        public void childRemoved(ConfiguredObject<?> object, ConfiguredObject<?> child) {
            if (object instanceof Queue<?> queue && child instanceof Consumer<?, ?> consumer) {
                cancelNotifier.consumerRemoved(consumer);
                expiry.consumersChanged(queue);
                deleteIfExclusiveAutoDeleteUnused(queue);
            }
        }
    }
}
