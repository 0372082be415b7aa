package dev.oslo4j.broker.internal.amqp;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.qpid.server.message.MessageInstance;
import org.apache.qpid.server.protocol.v0_8.AMQChannel;
import org.apache.qpid.server.protocol.v0_8.MessageConsumerAssociation;
import org.apache.qpid.server.protocol.v0_8.UnacknowledgedMessageMap;

/**
 * Read access to a channel's outstanding deliveries, which {@link AMQChannel} keeps private. Needed for
 * two RabbitMQ rules Broker-J does not follow: acking/nacking/rejecting an unknown delivery tag is a 406
 * channel error, and {@code basic.nack(multiple)} settles every outstanding tag up to the given one
 * (Broker-J's loop settles only the last). Reflection on a pinned Broker-J version; fails at class load
 * if the field is renamed.
 */
final class DeliveryTags {

    private static final Field UNACKED;

    static {
        try {
            UNACKED = AMQChannel.class.getDeclaredField("_unacknowledgedMessageMap");
            UNACKED.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private DeliveryTags() {
    }

    private static UnacknowledgedMessageMap of(AMQChannel channel) {
        try {
            return (UnacknowledgedMessageMap) UNACKED.get(channel);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RabbitMQ's rule: the tag itself must be outstanding, except tag 0 with {@code multiple} (= all). */
    static boolean known(AMQChannel channel, long tag, boolean multiple) {
        return (multiple && tag == 0) || of(channel).get(tag) != null;
    }

    /** The message delivered with an outstanding tag, or null. */
    static MessageInstance instance(AMQChannel channel, long tag) {
        return of(channel).get(tag);
    }

    /** The outstanding tags a {@code multiple} settle of {@code tag} covers, oldest first. */
    static List<Long> upTo(AMQChannel channel, long tag) {
        Map<Long, MessageConsumerAssociation> collected = new LinkedHashMap<>();
        of(channel).collect(tag, true, collected);
        return new ArrayList<>(collected.keySet());
    }
}
