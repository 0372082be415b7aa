package dev.oslo4j.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.MessageProperties;
import com.rabbitmq.client.ShutdownSignalException;

import dev.oslo4j.broker.support.Amqp;
import dev.oslo4j.broker.support.DurableState;
import dev.oslo4j.testsupport.Await;

/**
 * {@link EmbeddedBroker#restartVirtualHost(String)} looks like a RabbitMQ node restart to the clients of that
 * virtual host, and like nothing at all to the clients of any other.
 */
class VirtualHostRestartTest {

    @AutoClose
    private EmbeddedBroker broker;

    @BeforeEach
    void start() {
        broker = EmbeddedBroker.start();
        broker.createVirtualHost("restarted");
        broker.createVirtualHost("bystander");
    }

    @Test
    void durableTopologyAndPersistentMessagesSurviveTransientOnesDoNot() throws Exception {
        try (Connection connection = Amqp.factory(broker, "restarted").newConnection()) {
            DurableState.populate(connection.createChannel());
        }

        broker.restartVirtualHost("restarted");

        try (Connection connection = Amqp.factory(broker, "restarted").newConnection()) {
            DurableState.assertOnlyDurableStateSurvived(connection);
            // a redeclaration is checked against what survived, as on RabbitMQ (406 on a changed flag)
            assertThat(DurableState.channelErrorOf(connection, c -> c.queueDeclare("durable-q", false, false, false, null)))
                    .isEqualTo(406);
        }
    }

    @Test
    void itsConnectionsAreClosedWithConnectionForcedAndRecoveringClientsComeBack() throws Exception {
        ConnectionFactory factory = Amqp.factory(broker, "restarted");
        factory.setAutomaticRecoveryEnabled(true);
        factory.setNetworkRecoveryInterval(100);
        List<String> shutdowns = new CopyOnWriteArrayList<>();
        try (Connection connection = factory.newConnection()) {
            connection.addShutdownListener(cause -> shutdowns.add(cause.getMessage()));
            Channel channel = connection.createChannel();
            channel.queueDeclare("recovering", true, false, false, null);

            broker.restartVirtualHost("restarted");

            assertThat(broker.statistics("restarted").connections()).isZero();
            Await.until(Duration.ofSeconds(5), "the client saw its connection closed", () -> !shutdowns.isEmpty());
            assertThat(shutdowns).anySatisfy(message -> assertThat(message).contains("320"));
            Await.until(Duration.ofSeconds(10), "the client recovered", () -> {
                channel.queueDeclarePassive("recovering");
                return true;
            });
        }
    }

    @Test
    void itAcceptsConnectionsAgainWhenTheCallReturns() throws Exception {
        broker.restartVirtualHost("restarted");

        try (Connection connection = Amqp.factory(broker, "restarted").newConnection()) {
            Channel channel = connection.createChannel();
            channel.queueDeclare("after", false, false, false, null);
            channel.basicPublish("", "after", null, "x".getBytes());
            Await.until(Duration.ofSeconds(5), "the message arrived",
                    () -> channel.queueDeclarePassive("after").getMessageCount() == 1);
        }
    }

    @Test
    void anotherVirtualHostsConnectionsQueuesAndMessagesAreUntouched() throws Exception {
        List<ShutdownSignalException> bystanderShutdowns = new CopyOnWriteArrayList<>();
        List<String> consumed = new CopyOnWriteArrayList<>();
        Connection restarted = Amqp.factory(broker, "restarted").newConnection();
        try (Connection bystander = Amqp.factory(broker, "bystander").newConnection()) {
            bystander.addShutdownListener(bystanderShutdowns::add);
            Channel channel = bystander.createChannel();
            channel.queueDeclare("transient-q", false, false, false, null);
            channel.queueDeclare("consumed-q", false, false, false, null);
            channel.confirmSelect();
            channel.basicPublish("", "transient-q", MessageProperties.TEXT_PLAIN, "kept".getBytes());
            channel.waitForConfirmsOrDie(5_000);
            Channel consumer = bystander.createChannel();
            consumer.basicConsume("consumed-q", true, new DefaultConsumer(consumer) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                    consumed.add(new String(body));
                }
            });

            broker.restartVirtualHost("restarted");

            assertThat(broker.statistics("restarted").connections()).isZero();
            Await.until(Duration.ofSeconds(5), "the restarted vhost's client saw its connection closed",
                    () -> !restarted.isOpen());
            assertThat(bystander.isOpen()).isTrue();
            assertThat(channel.isOpen()).isTrue();
            assertThat(consumer.isOpen()).isTrue();
            assertThat(channel.queueDeclarePassive("transient-q").getMessageCount()).isEqualTo(1);
            channel.basicPublish("", "consumed-q", null, "still consuming".getBytes());
            Await.until(Duration.ofSeconds(5), "the bystander's consumer got the message",
                    () -> consumed.contains("still consuming"));
            assertThat(bystanderShutdowns).isEmpty();
        } finally {
            restarted.abort();
        }
        assertThat(broker.statistics("bystander").queues()).isEqualTo(2);
    }

    @Test
    void aLeasedVirtualHostKeepsItsNameListenersAndRabbitMqBehaviour() throws Exception {
        try (VirtualHostLease lease = broker.leaseVirtualHost()) {
            List<PublishedMessage> recorded = new CopyOnWriteArrayList<>();
            broker.onPublish(lease.name(), recorded::add);

            broker.restartVirtualHost(lease.name());

            try (Connection connection = Amqp.factory(broker, lease.name()).newConnection()) {
                Channel channel = connection.createChannel();
                channel.queueDeclare("ttl", false, false, false, null);
                channel.basicPublish("", "ttl", new AMQP.BasicProperties.Builder().expiration("60000").build(),
                        "x".getBytes());
                Await.until(Duration.ofSeconds(5), "recorded", () -> recorded.size() == 1);
                Await.until(Duration.ofSeconds(5), "relative expiration kept the message",
                        () -> channel.queueDeclarePassive("ttl").getMessageCount() == 1);
                assertThat(recorded.get(0).virtualHost()).isEqualTo(lease.name());
            }
        }
    }

    @Test
    void theDefaultVirtualHostCanBeRestartedToo() throws Exception {
        Connection before = Amqp.factory(broker).newConnection();
        before.createChannel().queueDeclare("durable-default", true, false, false, null);
        broker.restartVirtualHost("/");
        assertThat(broker.statistics("/").connections()).isZero();
        Await.until(Duration.ofSeconds(5), "the client saw its connection closed", () -> !before.isOpen());
        before.abort();
        try (Connection connection = Amqp.factory(broker).newConnection()) {
            connection.createChannel().queueDeclarePassive("durable-default");
        }
    }

    @Test
    void restartingTwiceInARowKeepsDurableState() throws Exception {
        try (Connection connection = Amqp.factory(broker, "restarted").newConnection()) {
            Channel channel = connection.createChannel();
            channel.queueDeclare("twice", true, false, false, null);
            channel.confirmSelect();
            channel.basicPublish("", "twice", MessageProperties.PERSISTENT_TEXT_PLAIN, "p".getBytes());
            channel.waitForConfirmsOrDie(5_000);
        }
        broker.restartVirtualHost("restarted");
        broker.restartVirtualHost("restarted");
        broker.restart();
        try (Connection connection = Amqp.factory(broker, "restarted").newConnection()) {
            assertThat(connection.createChannel().queueDeclarePassive("twice").getMessageCount()).isEqualTo(1);
        }
    }

    @Test
    void anUnknownVirtualHostIsNamedInTheError() {
        assertThatThrownBy(() -> broker.restartVirtualHost("no-such-vhost"))
                .isInstanceOf(EmbeddedBrokerException.class)
                .hasMessageContaining("'no-such-vhost'");
    }

    @Test
    void aClosedBrokerCannotRestartAVirtualHost() {
        broker.close();
        assertThatThrownBy(() -> broker.restartVirtualHost("restarted"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
}
