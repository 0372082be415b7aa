package dev.oslo4j.conformance.parity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

import dev.oslo4j.conformance.broker.AmqpErrors;
import dev.oslo4j.conformance.broker.BrokerUnderTest;
import dev.oslo4j.conformance.broker.OnEveryBroker;

/**
 * A redeclaration must be equivalent: RabbitMQ answers 406 PRECONDITION_FAILED on the channel when durable,
 * auto-delete, the arguments or the exchange type differ, and 405 when exclusivity differs. oslo's
 * "406 → delete and redeclare" recovery depends on it.
 */
class RedeclareParityTest {

    @OnEveryBroker
    void anEquivalentRedeclarationSucceeds(BrokerUnderTest broker) throws Exception {
        Channel channel = broker.connect().createChannel();
        Map<String, Object> args = Map.of("x-expires", 1_800_000);
        String queue = Amqp.queue(broker, channel, args);
        channel.queueDeclare(queue, false, false, false, Map.of("x-expires", 1_800_000L));
        channel.queueDeclare(queue, false, false, false, Map.of("x-expires", 1_800_000, "x-queue-type", "classic"));
        assertThat(channel.isOpen()).isTrue();
    }

    @OnEveryBroker
    void aDifferentDurableFlagIsRefused(BrokerUnderTest broker) throws Exception {
        Channel channel = broker.connect().createChannel();
        String queue = Amqp.queue(broker, channel, null);
        String text = AmqpErrors.assertChannelError(channel, 406,
                () -> channel.queueDeclare(queue, true, false, false, null));
        assertThat(text).contains("inequivalent arg 'durable'");
    }

    @OnEveryBroker
    void aDifferentAutoDeleteFlagIsRefused(BrokerUnderTest broker) throws Exception {
        Channel channel = broker.connect().createChannel();
        String queue = Amqp.queue(broker, channel, null);
        String text = AmqpErrors.assertChannelError(channel, 406,
                () -> channel.queueDeclare(queue, false, false, true, null));
        assertThat(text).contains("inequivalent arg 'auto_delete'");
    }

    @OnEveryBroker
    void differentArgumentsAreRefused(BrokerUnderTest broker) throws Exception {
        Connection connection = broker.connect();
        Channel setup = connection.createChannel();
        String queue = Amqp.queue(broker, setup, Map.of("x-expires", 1_800_000));

        Channel changed = connection.createChannel();
        assertThat(AmqpErrors.assertChannelError(changed, 406,
                () -> changed.queueDeclare(queue, false, false, false, Map.of("x-expires", 60_000))))
                .contains("inequivalent arg 'x-expires'");
        Channel missing = connection.createChannel();
        AmqpErrors.assertChannelError(missing, 406, () -> missing.queueDeclare(queue, false, false, false, null));
        Channel added = connection.createChannel();
        AmqpErrors.assertChannelError(added, 406, () -> added.queueDeclare(queue, false, false, false,
                Map.of("x-expires", 1_800_000, "x-message-ttl", 1000)));
    }

    @OnEveryBroker
    void argumentsRabbitMqDoesNotCompareMayDiffer(BrokerUnderTest broker) throws Exception {
        Channel channel = broker.connect().createChannel();
        String queue = Amqp.queue(broker, channel, Map.of("x-ha-policy", "all"));
        channel.queueDeclare(queue, false, false, false, Map.of("something-else", 1));
        assertThat(channel.isOpen()).isTrue();
    }

    @OnEveryBroker
    void differentExclusivityIsLocked(BrokerUnderTest broker) throws Exception {
        Channel channel = broker.connect().createChannel();
        String queue = Amqp.queue(broker, channel, null);
        AmqpErrors.assertChannelError(channel, 405, () -> channel.queueDeclare(queue, false, true, false, null));
    }

    @OnEveryBroker
    void aDifferentExchangeTypeIsRefused(BrokerUnderTest broker) throws Exception {
        Channel channel = broker.connect().createChannel();
        String exchange = broker.uniqueName("x");
        broker.deleteExchangeAfterTest(exchange);
        channel.exchangeDeclare(exchange, "topic");
        channel.exchangeDeclare(exchange, "topic");
        String text = AmqpErrors.assertChannelError(channel, 406, () -> channel.exchangeDeclare(exchange, "fanout"));
        assertThat(text).contains("inequivalent arg 'type'");
    }

    @OnEveryBroker
    void aDifferentExchangeDurabilityIsRefused(BrokerUnderTest broker) throws Exception {
        Channel channel = broker.connect().createChannel();
        String exchange = broker.uniqueName("x");
        broker.deleteExchangeAfterTest(exchange);
        channel.exchangeDeclare(exchange, "direct", false);
        AmqpErrors.assertChannelError(channel, 406, () -> channel.exchangeDeclare(exchange, "direct", true));
    }

    @OnEveryBroker
    void aDifferentAlternateExchangeIsRefusedButUnknownExchangeArgumentsAreNot(BrokerUnderTest broker) throws Exception {
        Channel channel = broker.connect().createChannel();
        String exchange = broker.uniqueName("x");
        broker.deleteExchangeAfterTest(exchange);
        channel.exchangeDeclare(exchange, "direct", false, false, null);
        channel.exchangeDeclare(exchange, "direct", false, false, Map.of("foo", "bar"));
        AmqpErrors.assertChannelError(channel, 406, () -> channel.exchangeDeclare(exchange, "direct", false, false,
                Map.of("alternate-exchange", "amq.fanout")));
    }
}
