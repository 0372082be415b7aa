package dev.oslo4j.broker.internal.vhost;

import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.qpid.server.consumer.ConsumerTarget;
import org.apache.qpid.server.model.Consumer;
import org.apache.qpid.server.protocol.v0_8.AMQChannel;
import org.apache.qpid.server.protocol.v0_8.ConsumerTarget_0_8;
import org.apache.qpid.server.protocol.v0_8.transport.BasicCancelBody;

/**
 * RabbitMQ's consumer cancel notification: when the broker removes a consumer whose client did not ask
 * for it (its queue was deleted), the client gets {@code basic.cancel}, so it can re-subscribe.
 *
 * <p>A client's own {@code basic.cancel} or channel close closes the consumer target before the consumer
 * is removed; a queue deletion removes the consumer while the target is still open. That is the signal.
 */
final class ConsumerCancelNotifier {

    /** Broker-J reports a removal twice; one notification per target. */
    private final Set<ConsumerTarget_0_8> notified = Collections.newSetFromMap(new ConcurrentHashMap<>());

    void consumerRemoved(Consumer<?, ?> consumer) {
        if (!(consumer.getTarget() instanceof ConsumerTarget_0_8 target)
                || target.getState() != ConsumerTarget.State.OPEN
                || !notified.add(target)) {
            return;
        }
        AMQChannel channel = target.getChannel();
        channel.getAMQPConnection().doOnIOThreadAsync(() -> {
            try {
                if (!channel.isClosing()) {
                    // Drops the tag from the channel (no cancel-ok: nowait), so the client may reuse it.
                    channel.receiveBasicCancel(target.getConsumerTag(), true);
                    channel.getConnection().writeFrame(
                            new BasicCancelBody(target.getConsumerTag(), true).generateFrame(channel.getChannelId()));
                }
            } finally {
                notified.remove(target);
            }
        });
    }
}
