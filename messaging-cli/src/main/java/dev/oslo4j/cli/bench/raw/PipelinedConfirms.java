package dev.oslo4j.cli.bench.raw;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConfirmListener;
import com.rabbitmq.client.ShutdownSignalException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Confirmed publishing without waiting, the way amqp-client's documentation recommends for throughput: one
 * confirm-mode channel, each publish's sequence number mapped to a future that the broker's ack completes (a
 * nack or the channel's loss fails it). Publishes come from one thread; confirms arrive on amqp-client's.
 */
final class PipelinedConfirms implements ConfirmListener {
    private final Channel channel;
    private final ConcurrentNavigableMap<Long, CompletableFuture<Void>> pending = new ConcurrentSkipListMap<>();

    PipelinedConfirms(Channel channel) throws IOException {
        this.channel = channel;
        channel.confirmSelect();
        channel.addConfirmListener(this);
        channel.addShutdownListener(this::lost);
    }

    /** Publishes; the future completes when the broker confirmed this message. */
    CompletableFuture<Void> publish(String exchange, String routingKey, AMQP.BasicProperties properties,
            byte[] body) throws IOException {
        CompletableFuture<Void> confirmed = new CompletableFuture<>();
        pending.put(channel.getNextPublishSeqNo(), confirmed);
        channel.basicPublish(exchange, routingKey, properties, body);
        return confirmed;
    }

    @Override
    public void handleAck(long deliveryTag, boolean multiple) {
        settle(deliveryTag, multiple, null);
    }

    @Override
    public void handleNack(long deliveryTag, boolean multiple) {
        settle(deliveryTag, multiple, new IOException("the broker nacked message " + deliveryTag));
    }

    private void settle(long deliveryTag, boolean multiple, IOException failure) {
        Map<Long, CompletableFuture<Void>> settled = multiple ? pending.headMap(deliveryTag, true)
                : pending.subMap(deliveryTag, true, deliveryTag, true);
        for (var it = settled.values().iterator(); it.hasNext(); ) {
            CompletableFuture<Void> confirmed = it.next();
            it.remove();
            if (failure == null) {
                confirmed.complete(null);
            } else {
                confirmed.completeExceptionally(failure);
            }
        }
    }

    private void lost(ShutdownSignalException cause) {
        for (var it = pending.values().iterator(); it.hasNext(); ) {
            CompletableFuture<Void> confirmed = it.next();
            it.remove();
            confirmed.completeExceptionally(new IOException("channel closed before the confirm", cause));
        }
    }
}
