package dev.oslo4j.conformance.parity;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

import dev.oslo4j.conformance.broker.BrokerUnderTest;
import dev.oslo4j.conformance.broker.OnEveryBroker;

/** RabbitMQ deletes and unbinds idempotently: what does not exist is already deleted. */
class DeleteParityTest {

    @OnEveryBroker
    void deletingAMissingQueueSucceeds(BrokerUnderTest broker) throws Exception {
        Connection connection = broker.connect();
        Channel channel = connection.createChannel();
        channel.queueDelete(broker.uniqueName("missing"));
        channel.queueDelete(broker.uniqueName("missing"), true, true);
        assertThat(channel.isOpen()).isTrue();
    }

    @OnEveryBroker
    void deletingAMissingExchangeSucceeds(BrokerUnderTest broker) throws Exception {
        Channel channel = broker.connect().createChannel();
        channel.exchangeDelete(broker.uniqueName("missing"));
        assertThat(channel.isOpen()).isTrue();
    }

    @OnEveryBroker
    void unbindingWhatIsNotBoundSucceeds(BrokerUnderTest broker) throws Exception {
        Channel channel = broker.connect().createChannel();
        String queue = broker.uniqueName("q");
        String exchange = broker.uniqueName("x");
        broker.deleteQueueAfterTest(queue);
        broker.deleteExchangeAfterTest(exchange);
        channel.queueDeclare(queue, false, false, false, null);
        channel.exchangeDeclare(exchange, "direct");
        channel.queueUnbind(queue, exchange, "never-bound");
        channel.queueUnbind(broker.uniqueName("no-queue"), exchange, "k");
        channel.queueUnbind(queue, broker.uniqueName("no-exchange"), "k");
        assertThat(channel.isOpen()).isTrue();
    }
}
