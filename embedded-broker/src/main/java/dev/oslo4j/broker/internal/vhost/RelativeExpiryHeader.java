package dev.oslo4j.broker.internal.vhost;

import org.apache.qpid.server.protocol.v0_8.MessageMetaData;
import org.apache.qpid.server.protocol.v0_8.transport.BasicContentHeaderProperties;
import org.apache.qpid.server.protocol.v0_8.transport.ContentHeaderBody;

/**
 * A content header whose {@code expiration} means what it means on RabbitMQ: milliseconds after arrival.
 *
 * <p>Broker-J reads {@code expiration} as an absolute epoch time everywhere it asks
 * {@link #getProperties()}, so that view carries {@code arrival + relative}. The frames delivered to
 * consumers (and returned to publishers) are written from the original properties instead, so clients
 * see exactly the string the publisher sent, e.g. {@code "60000"}, as on RabbitMQ.
 */
public final class RelativeExpiryHeader extends ContentHeaderBody {

    private final BasicContentHeaderProperties absolute;
    private volatile boolean published;

    private RelativeExpiryHeader(ContentHeaderBody original, long absoluteExpiration) {
        super(original.getProperties(), original.getBodySize());
        this.absolute = new BasicContentHeaderProperties(original.getProperties());
        this.absolute.setExpiration(absoluteExpiration);
    }

    /** Broker-J's view: {@code expiration} is the absolute deadline. */
    @Override
    public BasicContentHeaderProperties getProperties() {
        return absolute;
    }

    /** The publish has been routed; any later routing is dead-lettering. */
    void published() {
        published = true;
    }

    /**
     * RabbitMQ removes the expiration of a dead-lettered message, so it does not expire again on the way;
     * Broker-J would drop it, as already expired, instead of routing it to the dead-letter queue. (Queues
     * that already hold the message keep the deadline they computed when it arrived.)
     */
    void deadLettered() {
        if (published) {
            absolute.setExpiration(0L);
        }
    }

    /** The properties exactly as the publisher sent them. */
    public BasicContentHeaderProperties originalProperties() {
        return super.getProperties();
    }

    /**
     * Rewrites 0-9-1 metadata whose header carries an {@code expiration}; anything else is returned as is.
     * A negative value never gets here: the channel rejects it as RabbitMQ does.
     */
    static MessageMetaData apply(MessageMetaData metaData) {
        ContentHeaderBody header = metaData.getContentHeaderBody();
        BasicContentHeaderProperties props = header.getProperties();
        if (header instanceof RelativeExpiryHeader || !props.hasExpiration()) {
            return metaData;
        }
        long relative = Math.max(0L, props.getExpiration());
        long arrival = metaData.getArrivalTime();
        long deadline;
        try {
            deadline = Math.addExact(arrival, relative);
        } catch (ArithmeticException e) {
            deadline = Long.MAX_VALUE;
        }
        // Broker-J treats 0 as "never expires"; RabbitMQ's "0" means "now unless delivered at once".
        deadline = Math.max(deadline, 1L);
        return new MessageMetaData(metaData.getMessagePublishInfo(), new RelativeExpiryHeader(header, deadline),
                arrival);
    }

    /** The properties as the publisher sent them, whichever header class carries them. */
    public static BasicContentHeaderProperties publishedProperties(ContentHeaderBody header) {
        return header instanceof RelativeExpiryHeader r ? r.originalProperties() : header.getProperties();
    }
}
