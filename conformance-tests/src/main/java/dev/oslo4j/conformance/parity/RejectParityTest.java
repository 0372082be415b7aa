package dev.oslo4j.conformance.parity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;

import dev.oslo4j.conformance.broker.AmqpErrors;
import dev.oslo4j.conformance.broker.BrokerUnderTest;
import dev.oslo4j.conformance.broker.OnEveryBroker;
import dev.oslo4j.testsupport.Await;

/**
 * Settling deliveries as RabbitMQ does: reject/nack without requeue discards (a poison message must not
 * loop), with requeue redelivers with the redelivered flag, {@code nack(multiple)} settles every tag up to
 * the given one, and an unknown or already settled tag is a 406 on the channel.
 */
class RejectParityTest {

    @OnEveryBroker
    void rejectWithoutRequeueDiscards(BrokerUnderTest broker) throws Exception {
        Channel channel = broker.connect().createChannel();
        String queue = Amqp.queue(broker, channel, null);
        Amqp.publish(channel, queue, "poison");
        GetResponse got = await(channel, queue);
        channel.basicReject(got.getEnvelope().getDeliveryTag(), false);

        assertThat(channel.basicGet(queue, false)).isNull();
        assertThat(Amqp.depth(channel, queue)).isZero();
    }

    @OnEveryBroker
    void nackWithoutRequeueDiscards(BrokerUnderTest broker) throws Exception {
        Channel channel = broker.connect().createChannel();
        String queue = Amqp.queue(broker, channel, null);
        Amqp.publish(channel, queue, "poison");
        GetResponse got = await(channel, queue);
        channel.basicNack(got.getEnvelope().getDeliveryTag(), false, false);

        assertThat(channel.basicGet(queue, false)).isNull();
        assertThat(Amqp.depth(channel, queue)).isZero();
    }

    @OnEveryBroker
    void rejectWithRequeueRedelivers(BrokerUnderTest broker) throws Exception {
        Channel channel = broker.connect().createChannel();
        String queue = Amqp.queue(broker, channel, null);
        Amqp.publish(channel, queue, "again");
        GetResponse first = await(channel, queue);
        assertThat(first.getEnvelope().isRedeliver()).isFalse();
        channel.basicReject(first.getEnvelope().getDeliveryTag(), true);

        GetResponse second = await(channel, queue);
        assertThat(Amqp.body(second)).isEqualTo("again");
        assertThat(second.getEnvelope().isRedeliver()).isTrue();
        channel.basicAck(second.getEnvelope().getDeliveryTag(), false);
    }

    @OnEveryBroker
    void nackMultipleRequeuesEveryMessageUpToTheTag(BrokerUnderTest broker) throws Exception {
        Channel channel = broker.connect().createChannel();
        String queue = Amqp.queue(broker, channel, null);
        long last = publishAndFetch(channel, queue, List.of("a", "b", "c"));
        channel.basicNack(last, true, true);

        List<String> again = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            GetResponse got = await(channel, queue);
            assertThat(got.getEnvelope().isRedeliver()).isTrue();
            again.add(Amqp.body(got));
        }
        assertThat(again).containsExactlyInAnyOrder("a", "b", "c");
    }

    @OnEveryBroker
    void nackMultipleWithoutRequeueDiscardsThemAll(BrokerUnderTest broker) throws Exception {
        Channel channel = broker.connect().createChannel();
        String queue = Amqp.queue(broker, channel, null);
        long last = publishAndFetch(channel, queue, List.of("a", "b", "c"));
        channel.basicNack(last, true, false);
        assertThat(channel.basicGet(queue, false)).isNull();
        assertThat(Amqp.depth(channel, queue)).isZero();
    }

    @OnEveryBroker
    void ackingAnUnknownTagClosesTheChannel(BrokerUnderTest broker) throws Exception {
        Channel channel = broker.connect().createChannel();
        String queue = Amqp.queue(broker, channel, null);
        String text = AmqpErrors.assertChannelError(channel, 406, () -> {
            channel.basicAck(99, false);
            channel.queueDeclarePassive(queue);
        });
        assertThat(text).contains("unknown delivery tag 99");
    }

    @OnEveryBroker
    void ackingTwiceClosesTheChannel(BrokerUnderTest broker) throws Exception {
        Channel channel = broker.connect().createChannel();
        String queue = Amqp.queue(broker, channel, null);
        Amqp.publish(channel, queue, "once");
        long tag = await(channel, queue).getEnvelope().getDeliveryTag();
        channel.basicAck(tag, false);
        AmqpErrors.assertChannelError(channel, 406, () -> {
            channel.basicAck(tag, false);
            channel.queueDeclarePassive(queue);
        });
    }

    /** Publishes {@code bodies} and fetches them all unacknowledged; returns the last delivery tag. */
    private static long publishAndFetch(Channel channel, String queue, List<String> bodies) throws Exception {
        for (String body : bodies) {
            Amqp.publish(channel, queue, body);
        }
        long last = 0;
        for (int i = 0; i < bodies.size(); i++) {
            last = await(channel, queue).getEnvelope().getDeliveryTag();
        }
        return last;
    }

    private static GetResponse await(Channel channel, String queue) {
        return Await.value(Duration.ofSeconds(5), "a message on " + queue, () -> {
            try {
                return channel.basicGet(queue, false);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
