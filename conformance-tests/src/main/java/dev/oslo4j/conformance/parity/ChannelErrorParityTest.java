package dev.oslo4j.conformance.parity;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

import dev.oslo4j.conformance.broker.AmqpErrors;
import dev.oslo4j.conformance.broker.BrokerUnderTest;
import dev.oslo4j.conformance.broker.OnEveryBroker;

/**
 * Errors RabbitMQ confines to the channel (the connection, with every other channel on it, survives), with
 * RabbitMQ's reply codes.
 */
class ChannelErrorParityTest {

    @OnEveryBroker
    void getFromAMissingQueueIs404(BrokerUnderTest broker) throws Exception {
        Channel channel = broker.connect().createChannel();
        AmqpErrors.assertChannelError(channel, 404, () -> channel.basicGet(broker.uniqueName("missing"), true));
    }

    @OnEveryBroker
    void consumeFromAMissingQueueIs404(BrokerUnderTest broker) throws Exception {
        Channel channel = broker.connect().createChannel();
        AmqpErrors.assertChannelError(channel, 404,
                () -> channel.basicConsume(broker.uniqueName("missing"), true, (t, d) -> { }, t -> { }));
    }

    @OnEveryBroker
    void passiveDeclareOfAMissingQueueIs404(BrokerUnderTest broker) throws Exception {
        Channel channel = broker.connect().createChannel();
        AmqpErrors.assertChannelError(channel, 404, () -> channel.queueDeclarePassive(broker.uniqueName("missing")));
    }

    @OnEveryBroker
    void publishingToAMissingExchangeIs404(BrokerUnderTest broker) throws Exception {
        Channel channel = broker.connect().createChannel();
        String queue = Amqp.queue(broker, channel, null);
        AmqpErrors.assertChannelError(channel, 404, () -> {
            channel.basicPublish(broker.uniqueName("missing"), "key", null, new byte[0]);
            channel.queueDeclarePassive(queue);
        });
    }

    @OnEveryBroker
    void publishingToAnExchangeNamedLikeAQueueIs404(BrokerUnderTest broker) throws Exception {
        Channel channel = broker.connect().createChannel();
        String queue = Amqp.queue(broker, channel, null);
        AmqpErrors.assertChannelError(channel, 404, () -> {
            channel.basicPublish(queue, "", null, new byte[0]);
            channel.queueDeclarePassive(queue);
        });
    }

    @OnEveryBroker
    void bindingToTheDefaultExchangeIs403(BrokerUnderTest broker) throws Exception {
        Channel channel = broker.connect().createChannel();
        String queue = Amqp.queue(broker, channel, null);
        AmqpErrors.assertChannelError(channel, 403, () -> channel.queueBind(queue, "", "key"));
    }

    @OnEveryBroker
    void theDefaultExchangeCannotBeDeclaredOrDeleted(BrokerUnderTest broker) throws Exception {
        Connection connection = broker.connect();
        Channel declare = connection.createChannel();
        AmqpErrors.assertChannelError(declare, 403, () -> declare.exchangeDeclare("", "direct"));
        Channel delete = connection.createChannel();
        AmqpErrors.assertChannelError(delete, 403, () -> delete.exchangeDelete(""));
    }

    @OnEveryBroker
    void reservedNamesAre403(BrokerUnderTest broker) throws Exception {
        Connection connection = broker.connect();
        Channel exchange = connection.createChannel();
        AmqpErrors.assertChannelError(exchange, 403,
                () -> exchange.exchangeDeclare("amq." + broker.uniqueName("x"), "direct"));
        Channel queue = connection.createChannel();
        AmqpErrors.assertChannelError(queue, 403,
                () -> queue.queueDeclare("amq." + broker.uniqueName("q"), false, false, true, null));
        Channel system = connection.createChannel();
        AmqpErrors.assertChannelError(system, 403, () -> system.exchangeDelete("amq.direct"));
        Channel existing = connection.createChannel();
        existing.exchangeDeclare("amq.direct", "direct", true);
        assertThat(existing.isOpen()).isTrue();
    }

    @OnEveryBroker
    void anotherConnectionsExclusiveQueueIsLocked(BrokerUnderTest broker) throws Exception {
        Channel owner = broker.connect().createChannel();
        String queue = owner.queueDeclare(broker.uniqueName("exclusive"), false, true, false, null).getQueue();
        Connection other = broker.connect();

        Channel passive = other.createChannel();
        AmqpErrors.assertChannelError(passive, 405, () -> passive.queueDeclarePassive(queue));
        Channel consume = other.createChannel();
        AmqpErrors.assertChannelError(consume, 405, () -> consume.basicConsume(queue, true, (t, d) -> { }, t -> { }));
        Channel delete = other.createChannel();
        AmqpErrors.assertChannelError(delete, 405, () -> delete.queueDelete(queue));
        assertThat(other.isOpen()).isTrue();
    }

    @OnEveryBroker
    void serverNamedQueuesLookLikeRabbitMqs(BrokerUnderTest broker) throws Exception {
        Channel channel = broker.connect().createChannel();
        String queue = channel.queueDeclare().getQueue();
        assertThat(queue).startsWith("amq.gen-");
    }

    @OnEveryBroker
    void otherChannelsSurviveAChannelError(BrokerUnderTest broker) throws Exception {
        Connection connection = broker.connect();
        Channel survivor = connection.createChannel();
        String queue = Amqp.queue(broker, survivor, null);
        Channel failing = connection.createChannel();
        AmqpErrors.assertChannelError(failing, 404, () -> failing.basicGet(broker.uniqueName("missing"), true));
        Amqp.publish(survivor, queue, "still here");
        assertThat(survivor.isOpen()).isTrue();
    }
}
