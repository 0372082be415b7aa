package dev.oslo4j.conformance.parity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

import dev.oslo4j.conformance.broker.AmqpErrors;
import dev.oslo4j.conformance.broker.BrokerUnderTest;
import dev.oslo4j.conformance.broker.OnEveryBroker;
import dev.oslo4j.testsupport.Await;

/**
 * RabbitMQ queue arguments are accepted, and those with an effect have it: {@code x-expires},
 * {@code x-max-length} with both overflow modes; {@code x-queue-type}, {@code x-ha-policy} and other
 * RabbitMQ-only arguments are accepted; invalid values are a 406 on the channel.
 */
class QueueArgumentsParityTest {

    @OnEveryBroker
    void anUnusedQueueWithXExpiresDisappears(BrokerUnderTest broker) throws Exception {
        Connection connection = broker.connect();
        Channel channel = connection.createChannel();
        String queue = Amqp.queue(broker, channel, Map.of("x-expires", 300));

        Await.until(Duration.ofSeconds(10), "the x-expires queue was deleted", () -> gone(connection, queue));
    }

    @OnEveryBroker
    void aConsumerKeepsAnXExpiresQueueAlive(BrokerUnderTest broker) throws Exception {
        Connection connection = broker.connect();
        Channel channel = connection.createChannel();
        String consumed = Amqp.queue(broker, channel, Map.of("x-expires", 300));
        String idle = Amqp.queue(broker, channel, Map.of("x-expires", 300));
        channel.basicConsume(consumed, true, (tag, delivery) -> { }, tag -> { });

        Await.until(Duration.ofSeconds(10), "the idle x-expires queue was deleted", () -> gone(connection, idle));
        assertThat(gone(connection, consumed)).as("the consumed queue outlives its x-expires").isFalse();
    }

    @OnEveryBroker
    void rabbitMqOnlyArgumentsAreAccepted(BrokerUnderTest broker) throws Exception {
        Channel channel = broker.connect().createChannel();
        String quorum = broker.uniqueName("quorum");
        broker.deleteQueueAfterTest(quorum);
        Map<String, Object> quorumArgs = Map.of("x-queue-type", "quorum");
        channel.queueDeclare(quorum, true, false, false, quorumArgs);
        channel.queueDeclare(quorum, true, false, false, quorumArgs);

        Map<String, Object> classic = new HashMap<>();
        classic.put("x-queue-type", "classic");
        classic.put("x-ha-policy", "all");
        classic.put("x-queue-mode", "lazy");
        classic.put("x-expires", 1_800_000);
        classic.put("x-max-priority", 5);
        classic.put("x-single-active-consumer", false);
        classic.put("some-unknown-argument", "ignored");
        String queue = Amqp.queue(broker, channel, classic);
        Amqp.publish(channel, queue, "ok");
        Await.until(Duration.ofSeconds(5), "the message arrived", () -> Amqp.depth(channel, queue) == 1);
        assertThat(Amqp.body(channel.basicGet(queue, true))).isEqualTo("ok");
    }

    @OnEveryBroker
    void maxLengthDropsTheOldest(BrokerUnderTest broker) throws Exception {
        Channel channel = broker.connect().createChannel();
        String queue = Amqp.queue(broker, channel, Map.of("x-max-length", 2));
        for (String body : List.of("m1", "m2", "m3", "m4")) {
            Amqp.publish(channel, queue, body);
        }
        Await.until(Duration.ofSeconds(5), "four publishes processed", () -> Amqp.depth(channel, queue) == 2);
        assertThat(Amqp.body(channel.basicGet(queue, true))).isEqualTo("m3");
        assertThat(Amqp.body(channel.basicGet(queue, true))).isEqualTo("m4");
    }

    @OnEveryBroker
    void rejectPublishOverflowNacksTheNewMessage(BrokerUnderTest broker) throws Exception {
        Channel channel = broker.connect().createChannel();
        String queue = Amqp.queue(broker, channel, Map.of("x-max-length", 1, "x-overflow", "reject-publish"));
        channel.confirmSelect();
        Amqp.publish(channel, queue, "first");
        assertThat(channel.waitForConfirms(5_000)).as("first publish confirmed").isTrue();
        Amqp.publish(channel, queue, "second");
        assertThat(channel.waitForConfirms(5_000)).as("second publish nacked").isFalse();
        assertThat(Amqp.body(channel.basicGet(queue, true))).isEqualTo("first");
        assertThat(channel.basicGet(queue, true)).isNull();
    }

    @OnEveryBroker
    void invalidArgumentValuesAreRefusedOnTheChannel(BrokerUnderTest broker) throws Exception {
        Connection connection = broker.connect();
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("x-expires", 0),
                Map.of("x-expires", "1000"),
                Map.of("x-message-ttl", -1),
                Map.of("x-max-length", -1),
                Map.of("x-queue-type", "bogus"),
                Map.of("x-overflow", "drop-everything"))) {
            Channel channel = connection.createChannel();
            String queue = broker.uniqueName("bad");
            broker.deleteQueueAfterTest(queue);
            String text = AmqpErrors.assertChannelError(channel, 406,
                    () -> channel.queueDeclare(queue, false, false, false, bad));
            assertThat(text).as("406 for %s", bad).contains("PRECONDITION_FAILED").contains("invalid arg");
        }
    }

    @OnEveryBroker
    void aQuorumQueueMustBeDurable(BrokerUnderTest broker) throws Exception {
        Channel channel = broker.connect().createChannel();
        String queue = broker.uniqueName("quorum");
        broker.deleteQueueAfterTest(queue);
        AmqpErrors.assertChannelError(channel, 406,
                () -> channel.queueDeclare(queue, false, false, false, Map.of("x-queue-type", "quorum")));
    }

    /**
     * Whether the queue is gone, asked without using it: RabbitMQ counts a declare (even passive) or a get
     * as use for x-expires, but not a publish. A mandatory publish to it comes back when it does not exist.
     */
    static boolean gone(Connection connection, String queue) throws Exception {
        Channel probe = connection.createChannel();
        try {
            java.util.concurrent.atomic.AtomicBoolean returned = new java.util.concurrent.atomic.AtomicBoolean();
            probe.addReturnListener(r -> returned.set(true));
            probe.confirmSelect();
            probe.basicPublish("", queue, true, null, "probe".getBytes());
            probe.waitForConfirmsOrDie(5_000);
            return returned.get();
        } finally {
            probe.close();
        }
    }
}
