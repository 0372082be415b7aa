package dev.oslo4j.conformance.parity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Delivery;

import dev.oslo4j.testsupport.Await;

/**
 * A consumer of a stream queue on a channel of its own (prefetch set, manual acks, as streams require),
 * recording each delivery as {@code body@offset} from the {@code x-stream-offset} header.
 */
final class StreamReader implements AutoCloseable {

    /** What a reader does with each delivery. */
    enum Settle { ACK, REJECT_REQUEUE, NACK_REQUEUE }

    private final Channel channel;
    private final List<String> read = new CopyOnWriteArrayList<>();
    private final List<Object> offsetTypes = new CopyOnWriteArrayList<>();

    private StreamReader(Channel channel) {
        this.channel = channel;
    }

    static StreamReader from(Connection connection, String stream, Object offset, int prefetch, Settle settle)
            throws IOException {
        StreamReader reader = new StreamReader(connection.createChannel());
        reader.channel.basicQos(prefetch);
        Map<String, Object> args = offset == null ? Map.of() : Map.of("x-stream-offset", offset);
        reader.channel.basicConsume(stream, false, args, (tag, delivery) -> reader.settle(delivery, settle), tag -> { });
        return reader;
    }

    private void settle(Delivery delivery, Settle settle) throws IOException {
        Map<String, Object> headers = delivery.getProperties().getHeaders();
        Object offset = headers == null ? null : headers.get("x-stream-offset");
        offsetTypes.add(offset == null ? "none" : offset.getClass().getSimpleName());
        read.add(new String(delivery.getBody(), StandardCharsets.UTF_8) + "@" + offset);
        long tag = delivery.getEnvelope().getDeliveryTag();
        switch (settle) {
            case ACK -> channel.basicAck(tag, false);
            case REJECT_REQUEUE -> channel.basicReject(tag, true);
            case NACK_REQUEUE -> channel.basicNack(tag, false, true);
            default -> throw new IllegalStateException(settle.name());
        }
    }

    /** Waits until {@code count} deliveries arrived and returns them all. */
    List<String> await(int count) {
        Await.until(Duration.ofSeconds(10), count + " stream deliveries", () -> read.size() >= count,
                read::toString);
        return List.copyOf(read);
    }

    List<String> readSoFar() {
        return List.copyOf(read);
    }

    /** The Java types the {@code x-stream-offset} header arrived as. */
    List<Object> offsetTypes() {
        return List.copyOf(offsetTypes);
    }

    @Override
    public void close() throws Exception {
        if (channel.isOpen()) {
            channel.abort();
        }
    }

    /** Publishes bodies to a queue through the default exchange and waits for the broker's confirms. */
    static void publishConfirmed(Connection connection, String queue, String... bodies) throws Exception {
        Channel channel = connection.createChannel();
        try {
            channel.confirmSelect();
            for (String body : bodies) {
                channel.basicPublish("", queue, null, body.getBytes(StandardCharsets.UTF_8));
            }
            channel.waitForConfirmsOrDie(10_000);
        } finally {
            channel.close();
        }
    }
}
