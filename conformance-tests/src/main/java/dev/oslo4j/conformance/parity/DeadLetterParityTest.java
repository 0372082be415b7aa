package dev.oslo4j.conformance.parity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;

import dev.oslo4j.conformance.broker.BrokerUnderTest;
import dev.oslo4j.conformance.broker.OnEveryBroker;
import dev.oslo4j.testsupport.Await;

/** {@code x-dead-letter-exchange}: rejected and expired messages go there, with their routing key. */
class DeadLetterParityTest {

    @OnEveryBroker
    void rejectedMessagesAreDeadLettered(BrokerUnderTest broker) throws Exception {
        Channel channel = broker.connect().createChannel();
        String dlx = broker.uniqueName("dlx");
        broker.deleteExchangeAfterTest(dlx);
        channel.exchangeDeclare(dlx, "fanout");
        String dlq = Amqp.queue(broker, channel, null);
        channel.queueBind(dlq, dlx, "");
        String queue = Amqp.queue(broker, channel, Map.of("x-dead-letter-exchange", dlx));

        Amqp.publish(channel, queue, "poison");
        GetResponse got = Await.value(Duration.ofSeconds(5), "the message", () -> get(channel, queue, false));
        channel.basicReject(got.getEnvelope().getDeliveryTag(), false);

        GetResponse dead = Await.value(Duration.ofSeconds(5), "the dead letter", () -> get(channel, dlq, true));
        assertThat(Amqp.body(dead)).isEqualTo("poison");
        assertThat(dead.getEnvelope().getRoutingKey()).isEqualTo(queue);
    }

    @OnEveryBroker
    void expiredMessagesAreDeadLettered(BrokerUnderTest broker) throws Exception {
        Channel channel = broker.connect().createChannel();
        String dlx = broker.uniqueName("dlx");
        broker.deleteExchangeAfterTest(dlx);
        channel.exchangeDeclare(dlx, "fanout");
        String dlq = Amqp.queue(broker, channel, null);
        channel.queueBind(dlq, dlx, "");
        String queue = Amqp.queue(broker, channel, Map.of("x-dead-letter-exchange", dlx));

        Amqp.publish(channel, queue, "late", new AMQP.BasicProperties.Builder().expiration("100").build());

        GetResponse dead = Await.value(Duration.ofSeconds(10), "the expired message in the DLQ", () -> get(channel, dlq, true));
        assertThat(Amqp.body(dead)).isEqualTo("late");
    }

    private static GetResponse get(Channel channel, String queue, boolean autoAck) {
        try {
            return channel.basicGet(queue, autoAck);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
