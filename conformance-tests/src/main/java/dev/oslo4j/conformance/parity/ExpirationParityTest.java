package dev.oslo4j.conformance.parity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Delivery;
import com.rabbitmq.client.GetResponse;

import dev.oslo4j.conformance.broker.AmqpErrors;
import dev.oslo4j.conformance.broker.BrokerUnderTest;
import dev.oslo4j.conformance.broker.OnEveryBroker;
import dev.oslo4j.testsupport.Await;

/**
 * Per-message {@code expiration} is milliseconds after arrival (oslo sends every RPC call with its timeout
 * there), and consumers see the value as it was sent; {@code x-message-ttl} caps the time on a queue.
 */
class ExpirationParityTest {

    private static final AMQP.BasicProperties SIXTY_SECONDS = new AMQP.BasicProperties.Builder()
            .expiration("60000").build();

    @OnEveryBroker
    void relativeExpirationKeepsTheMessageAndItsProperty(BrokerUnderTest broker) throws Exception {
        Channel channel = broker.connect().createChannel();
        String queue = Amqp.queue(broker, channel, null);
        Amqp.publish(channel, queue, "call", SIXTY_SECONDS);

        GetResponse got = Await.value(Duration.ofSeconds(5), "the message is on the queue", () -> get(channel, queue));
        assertThat(Amqp.body(got)).isEqualTo("call");
        assertThat(got.getProps().getExpiration()).isEqualTo("60000");
    }

    @OnEveryBroker
    void consumersSeeTheExpirationAsSent(BrokerUnderTest broker) throws Exception {
        Channel channel = broker.connect().createChannel();
        String queue = Amqp.queue(broker, channel, null);
        BlockingQueue<Delivery> deliveries = new ArrayBlockingQueue<>(1);
        channel.basicConsume(queue, true, (tag, delivery) -> deliveries.add(delivery), tag -> { });
        Amqp.publish(channel, queue, "call", SIXTY_SECONDS);

        Delivery delivery = deliveries.poll(5, TimeUnit.SECONDS);
        assertThat(delivery).as("delivered").isNotNull();
        assertThat(delivery.getProperties().getExpiration()).isEqualTo("60000");
    }

    @OnEveryBroker
    void aShortExpirationExpires(BrokerUnderTest broker) throws Exception {
        Channel channel = broker.connect().createChannel();
        String queue = Amqp.queue(broker, channel, null);
        channel.confirmSelect();
        Amqp.publish(channel, queue, "late", new AMQP.BasicProperties.Builder().expiration("200").build());
        Amqp.publish(channel, queue, "kept", SIXTY_SECONDS);
        channel.waitForConfirmsOrDie(5_000);

        Await.until(Duration.ofSeconds(10), "the 200 ms message expired", () -> Amqp.depth(channel, queue) == 1);
        assertThat(Amqp.body(channel.basicGet(queue, true))).isEqualTo("kept");
    }

    @OnEveryBroker
    void queueMessageTtlExpiresMessages(BrokerUnderTest broker) throws Exception {
        Channel channel = broker.connect().createChannel();
        String queue = Amqp.queue(broker, channel, Map.of("x-message-ttl", 200));
        channel.confirmSelect();
        Amqp.publish(channel, queue, "short-lived");
        channel.waitForConfirmsOrDie(5_000);

        Await.until(Duration.ofSeconds(10), "x-message-ttl removed the message", () -> Amqp.depth(channel, queue) == 0);
        assertThat(channel.basicGet(queue, true)).isNull();
    }

    @OnEveryBroker
    void theShorterOfMessageAndQueueTtlApplies(BrokerUnderTest broker) throws Exception {
        Channel channel = broker.connect().createChannel();
        String queue = Amqp.queue(broker, channel, Map.of("x-message-ttl", 60_000));
        channel.confirmSelect();
        Amqp.publish(channel, queue, "late", new AMQP.BasicProperties.Builder().expiration("200").build());
        channel.waitForConfirmsOrDie(5_000);

        Await.until(Duration.ofSeconds(10), "the per-message 200 ms won", () -> Amqp.depth(channel, queue) == 0);
    }

    @OnEveryBroker
    void aNegativeExpirationClosesTheChannel(BrokerUnderTest broker) throws Exception {
        Channel channel = broker.connect().createChannel();
        String queue = Amqp.queue(broker, channel, null);
        AmqpErrors.assertChannelError(channel, 406, () -> {
            Amqp.publish(channel, queue, "bad", new AMQP.BasicProperties.Builder().expiration("-5").build());
            channel.queueDeclarePassive(queue);
        });
    }

    private static GetResponse get(Channel channel, String queue) {
        try {
            return channel.basicGet(queue, true);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
