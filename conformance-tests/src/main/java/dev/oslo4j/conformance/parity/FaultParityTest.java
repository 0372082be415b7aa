package dev.oslo4j.conformance.parity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.MessageProperties;
import com.rabbitmq.client.ShutdownSignalException;

import dev.oslo4j.conformance.broker.AmqpErrors;
import dev.oslo4j.conformance.broker.BrokerUnderTest;
import dev.oslo4j.conformance.broker.OnEveryBroker;
import dev.oslo4j.testsupport.Await;

/**
 * The faults tests inject: dropped connections look like {@code rabbitmqctl close_all_connections}
 * (connection.close 320 from the broker), and a restart keeps durable queues with their persistent messages.
 */
class FaultParityTest {

    @OnEveryBroker(dedicated = true)
    void droppedConnectionsAreClosedByTheBrokerWithConnectionForced(BrokerUnderTest broker) throws Exception {
        broker.assumeDropConnectionsSupported();
        Connection connection = broker.connect();
        connection.createChannel().queueDeclare(broker.uniqueName("q"), false, true, true, null);

        broker.dropConnections();

        Await.until(Duration.ofSeconds(15), "the connection was closed", () -> !connection.isOpen());
        ShutdownSignalException reason = connection.getCloseReason();
        assertThat(reason.isHardError()).isTrue();
        assertThat(reason.isInitiatedByApplication()).isFalse();
        assertThat(AmqpErrors.replyCode(reason)).isEqualTo(320);
        assertThat(broker.connect().isOpen()).as("new connections are accepted").isTrue();
    }

    @OnEveryBroker(dedicated = true)
    void aRestartKeepsDurableQueuesAndPersistentMessages(BrokerUnderTest broker) throws Exception {
        broker.assumeRestartSupported();
        String queue = broker.uniqueName("durable");
        broker.deleteQueueAfterTest(queue);
        try (Connection connection = broker.connect()) {
            Channel channel = connection.createChannel();
            channel.queueDeclare(queue, true, false, false, null);
            channel.confirmSelect();
            channel.basicPublish("", queue, MessageProperties.PERSISTENT_TEXT_PLAIN, "kept".getBytes());
            channel.basicPublish("", queue, MessageProperties.TEXT_PLAIN, "lost".getBytes());
            channel.waitForConfirmsOrDie(5_000);
        } catch (com.rabbitmq.client.AlreadyClosedException ignored) {
            // closed by the restart below on some clients; nothing to do
        }

        broker.restart();

        Channel channel = broker.connect().createChannel();
        assertThat(Amqp.depth(channel, queue)).isEqualTo(1);
        assertThat(Amqp.body(channel.basicGet(queue, true))).isEqualTo("kept");
    }
}
