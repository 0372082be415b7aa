package dev.oslo4j.conformance.parity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

import dev.oslo4j.conformance.broker.BrokerUnderTest;
import dev.oslo4j.conformance.broker.OnEveryBroker;

/**
 * When a queue is deleted under a consumer, RabbitMQ tells the consumer ({@code basic.cancel}), and it
 * announces that with the {@code consumer_cancel_notify} capability. Clients re-subscribe on it.
 */
class ConsumerCancelParityTest {

    @OnEveryBroker
    void theServerAnnouncesRabbitMqCapabilities(BrokerUnderTest broker) throws Exception {
        Connection connection = broker.connect();
        @SuppressWarnings("unchecked")
        Map<String, Object> capabilities = (Map<String, Object>) connection.getServerProperties().get("capabilities");
        assertThat(capabilities).isNotNull();
        assertThat(capabilities).containsEntry("consumer_cancel_notify", true)
                .containsEntry("publisher_confirms", true)
                .containsEntry("basic.nack", true)
                .containsEntry("authentication_failure_close", true);
    }

    @OnEveryBroker
    void deletingAQueueCancelsItsConsumers(BrokerUnderTest broker) throws Exception {
        Connection connection = broker.connect();
        Channel consumer = connection.createChannel();
        String queue = Amqp.queue(broker, consumer, null);
        BlockingQueue<String> cancelled = new ArrayBlockingQueue<>(1);
        String tag = consumer.basicConsume(queue, true, "oslo4j-tag", (t, d) -> { }, cancelled::add);

        Channel admin = broker.connect().createChannel();
        admin.queueDelete(queue);

        assertThat(cancelled.poll(5, TimeUnit.SECONDS)).as("basic.cancel from the broker").isEqualTo(tag);
        assertThat(consumer.isOpen()).isTrue();
        // The tag is free again on that channel.
        String other = Amqp.queue(broker, consumer, null);
        assertThat(consumer.basicConsume(other, true, "oslo4j-tag", (t, d) -> { }, t -> { })).isEqualTo("oslo4j-tag");
    }
}
