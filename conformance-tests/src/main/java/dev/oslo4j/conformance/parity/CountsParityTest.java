package dev.oslo4j.conformance.parity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;

import dev.oslo4j.conformance.broker.BrokerUnderTest;
import dev.oslo4j.conformance.broker.OnEveryBroker;
import dev.oslo4j.testsupport.Await;

/** Message counts clients read: RabbitMQ reports messages ready for delivery, not those awaiting an ack. */
class CountsParityTest {

    @OnEveryBroker
    void declareOkCountsReadyMessagesOnly(BrokerUnderTest broker) throws Exception {
        Channel channel = broker.connect().createChannel();
        String queue = Amqp.queue(broker, channel, null);
        for (int i = 0; i < 3; i++) {
            Amqp.publish(channel, queue, "m" + i);
        }
        Await.until(Duration.ofSeconds(5), "three messages", () -> Amqp.depth(channel, queue) == 3);
        GetResponse first = channel.basicGet(queue, false);
        assertThat(first.getMessageCount()).as("get-ok: messages left").isEqualTo(2);
        assertThat(Amqp.depth(channel, queue)).as("declare-ok while one is unacked").isEqualTo(2);
        assertThat(channel.queueDeclarePassive(queue).getConsumerCount()).isZero();
        channel.basicAck(first.getEnvelope().getDeliveryTag(), false);
        assertThat(Amqp.depth(channel, queue)).isEqualTo(2);
    }
}
