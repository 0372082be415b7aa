package dev.oslo4j.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Delivery;

import dev.oslo4j.broker.support.Amqp;
import dev.oslo4j.testsupport.Await;

/**
 * Stream queues on the embedded broker: a log read from each consumer's own {@code x-stream-offset},
 * never consumed away, with the offset in every delivery. (Behaviour shared with RabbitMQ is tested on both
 * brokers by {@code StreamParityTest} in conformance-tests; this covers the embedded side's own corners.)
 */
class StreamQueueTest {

    private static final Map<String, Object> STREAM = Map.of("x-queue-type", "stream");
    @AutoClose
    private static EmbeddedBroker broker;
    private VirtualHostLease lease;
    private Connection connection;

    @BeforeAll
    static void start() {
        broker = EmbeddedBroker.start();
    }

    @BeforeEach
    void open() throws Exception {
        lease = broker.leaseVirtualHost();
        connection = Amqp.factory(broker, lease.name()).newConnection();
    }

    @AfterEach
    void close() throws Exception {
        connection.abort();
        lease.close();
    }

    @Test
    void everyConsumerReadsTheWholeLogFromItsOwnOffset() throws Exception {
        Channel channel = connection.createChannel();
        channel.queueDeclare("log", true, false, false, STREAM);
        for (int i = 0; i < 5; i++) {
            channel.basicPublish("", "log", null, ("m" + i).getBytes(StandardCharsets.UTF_8));
        }
        assertThat(read("first", 5)).containsExactly("m0@0", "m1@1", "m2@2", "m3@3", "m4@4");
        assertThat(read("first", 5)).as("a second reader sees the same log").hasSize(5);
        assertThat(read(3L, 2)).containsExactly("m3@3", "m4@4");
        assertThat(read("last", 1)).containsExactly("m4@4");
        assertThat(broker.statistics(lease.name()).queues()).isEqualTo(1);
    }

    @Test
    void nextWaitsForNewMessagesAndReadersDoNotRemoveThem() throws Exception {
        Channel publisher = connection.createChannel();
        publisher.queueDeclare("log", true, false, false, STREAM);
        publisher.basicPublish("", "log", null, "old".getBytes(StandardCharsets.UTF_8));

        Channel reader = connection.createChannel();
        reader.basicQos(1);
        List<String> got = new CopyOnWriteArrayList<>();
        reader.basicConsume("log", false, Map.of("x-stream-offset", "next"), (tag, d) -> {
            got.add(text(d));
            reader.basicAck(d.getEnvelope().getDeliveryTag(), false);
        }, tag -> { });
        publisher.basicPublish("", "log", null, "new1".getBytes(StandardCharsets.UTF_8));
        publisher.basicPublish("", "log", null, "new2".getBytes(StandardCharsets.UTF_8));
        Await.until(Duration.ofSeconds(10), "both new messages read", () -> got.size() >= 2);
        assertThat(got).containsExactly("new1@1", "new2@2");
        assertThat(read("first", 3)).as("acked messages stay in the log").containsExactly("old@0", "new1@1", "new2@2");
        assertThat(depth("log")).isEqualTo(3);
    }

    @Test
    void aFutureOffsetWaitsForIt() throws Exception {
        Channel channel = connection.createChannel();
        channel.queueDeclare("log", true, false, false, STREAM);
        channel.basicPublish("", "log", null, "m0".getBytes(StandardCharsets.UTF_8));
        Channel reader = connection.createChannel();
        reader.basicQos(10);
        List<String> got = new CopyOnWriteArrayList<>();
        reader.basicConsume("log", false, Map.of("x-stream-offset", 1L), (tag, d) -> got.add(text(d)), tag -> { });
        channel.basicPublish("", "log", null, "m1".getBytes(StandardCharsets.UTF_8));
        Await.until(Duration.ofSeconds(10), "offset 1 read", () -> got.size() == 1);
        assertThat(got).containsExactly("m1@1");
    }

    @Test
    void maxAgeAgesMessagesOut() throws Exception {
        Channel channel = connection.createChannel();
        channel.queueDeclare("log", true, false, false, Map.of("x-queue-type", "stream", "x-max-age", "1s"));
        channel.basicPublish("", "log", null, "old".getBytes(StandardCharsets.UTF_8));
        Await.until(Duration.ofSeconds(10), "the old message aged out",
                () -> depth("log") == 0);
        channel.basicPublish("", "log", null, "new".getBytes(StandardCharsets.UTF_8));
        assertThat(read("first", 1)).containsExactly("new@1");
    }

    @Test
    void maxLengthBytesDropsTheOldest() throws Exception {
        Channel channel = connection.createChannel();
        channel.queueDeclare("log", true, false, false, Map.of("x-queue-type", "stream", "x-max-length-bytes", 10));
        for (String body : List.of("aaaaaa", "bbbbbb", "cccccc")) {
            channel.basicPublish("", "log", null, body.getBytes(StandardCharsets.UTF_8));
        }
        Await.until(Duration.ofSeconds(10), "the oldest dropped", () -> depth("log") == 1);
        assertThat(read("first", 1)).containsExactly("cccccc@2");
    }

    @Test
    void streamsNeedAPrefetchAndManualAcks() throws Exception {
        Channel channel = connection.createChannel();
        channel.queueDeclare("log", true, false, false, STREAM);
        assertThatThrownBy(() -> channel.basicConsume("log", false, (tag, d) -> { }, tag -> { }))
                .hasStackTraceContaining("406").hasStackTraceContaining("consumer prefetch count is not set");
        Channel other = connection.createChannel();
        other.basicQos(10);
        assertThatThrownBy(() -> other.basicConsume("log", false, Map.of("x-stream-offset", "sometime"),
                (tag, d) -> { }, tag -> { })).hasStackTraceContaining("invalid_stream_offset_arg");
    }

    private List<String> read(Object offset, int count) throws Exception {
        Channel channel = connection.createChannel();
        try {
            channel.basicQos(2);
            List<String> got = new CopyOnWriteArrayList<>();
            channel.basicConsume("log", false, Map.of("x-stream-offset", offset), (tag, d) -> {
                got.add(text(d));
                channel.basicAck(d.getEnvelope().getDeliveryTag(), false);
            }, tag -> { });
            Await.until(Duration.ofSeconds(10), count + " messages read from " + offset, () -> got.size() >= count);
            return got;
        } finally {
            channel.abort();
        }
    }

    private long depth(String queue) throws Exception {
        Channel channel = connection.createChannel();
        try {
            AMQP.Queue.DeclareOk ok = channel.queueDeclarePassive(queue);
            return ok.getMessageCount();
        } finally {
            channel.abort();
        }
    }

    private static String text(Delivery d) {
        Object offset = d.getProperties().getHeaders().get("x-stream-offset");
        assertThat(offset).isInstanceOf(Long.class);
        return new String(d.getBody(), StandardCharsets.UTF_8) + "@" + offset;
    }
}
