package dev.oslo4j.broker.internal.vhost;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.apache.qpid.server.bytebuffer.QpidByteBuffer;
import org.apache.qpid.server.message.ServerMessage;
import org.apache.qpid.server.protocol.v0_8.AMQMessage;
import org.apache.qpid.server.protocol.v0_8.transport.BasicContentHeaderProperties;

import dev.oslo4j.broker.PublishListener;
import dev.oslo4j.broker.PublishRecording;
import dev.oslo4j.broker.PublishedMessage;

/**
 * The publish listeners of one virtual host. When nobody listens, a publish costs one list-emptiness check;
 * the message is only decoded into a {@link PublishedMessage} when someone does.
 */
public final class PublishRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(PublishRecorder.class);

    private final VirtualHostState owner;
    private final List<PublishListener> listeners = new CopyOnWriteArrayList<>();

    PublishRecorder(VirtualHostState owner) {
        this.owner = owner;
    }

    public PublishRecording add(PublishListener listener, String virtualHostName) {
        listeners.add(listener);
        return new PublishRecording() {
            @Override
            public String virtualHost() {
                return virtualHostName;
            }

            @Override
            public void close() {
                listeners.remove(listener);
            }
        };
    }

    boolean active() {
        return !listeners.isEmpty();
    }

    void clear() {
        listeners.clear();
    }

    /** Tells every listener about a message routed by {@code exchange} to {@code routes} queues. */
    void record(ServerMessage<?> message, String exchange, String routingKey, int routes) {
        if (listeners.isEmpty() || !(message instanceof AMQMessage amqp)) {
            return;
        }
        PublishedMessage published = decode(amqp, exchange, routingKey, routes);
        for (PublishListener listener : listeners) {
            try {
                listener.onPublish(published);
            } catch (RuntimeException e) {
                LOG.warn("publish listener {} failed on {}", listener, published, e);
            }
        }
    }

    private PublishedMessage decode(AMQMessage message, String exchange, String routingKey, int routes) {
        BasicContentHeaderProperties props = RelativeExpiryHeader.publishedProperties(message.getContentHeaderBody());
        byte[] body;
        try (QpidByteBuffer content = message.getContent()) {
            body = new byte[content.remaining()];
            content.get(body);
        }
        return new PublishedMessage(owner.clientName(), exchange == null ? "" : exchange,
                routingKey == null ? "" : routingKey,
                props.getContentTypeAsString(), props.getEncodingAsString(), props.getDeliveryMode(),
                props.getPriority(), props.hasExpiration() ? Long.toString(props.getExpiration()) : null,
                props.getHeadersAsMap(), message.isMandatory(), body, routes, message.getArrivalTime());
    }
}
