package dev.oslo4j.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.MessageProperties;

import dev.oslo4j.broker.support.Amqp;

/** {@link EmbeddedBroker#restart()} behaves like a RabbitMQ node restart. */
class RestartTest {

    private EmbeddedBroker broker;

    @BeforeEach
    void start() {
        broker = EmbeddedBroker.start();
    }

    @AfterEach
    void stop() {
        broker.close();
    }

    @Test
    void durableTopologyAndPersistentMessagesSurviveTransientOnesDoNot() throws Exception {
        int port = broker.port();
        try (Connection connection = Amqp.factory(broker).newConnection()) {
            Channel channel = connection.createChannel();
            channel.exchangeDeclare("durable-x", "topic", true);
            channel.exchangeDeclare("transient-x", "topic", false);
            channel.queueDeclare("durable-q", true, false, false, null);
            channel.queueDeclare("transient-q", false, false, false, null);
            channel.queueBind("durable-q", "durable-x", "a.#");
            channel.confirmSelect();
            channel.basicPublish("durable-x", "a.b", MessageProperties.PERSISTENT_TEXT_PLAIN, "persistent".getBytes());
            channel.basicPublish("durable-x", "a.b", MessageProperties.TEXT_PLAIN, "transient".getBytes());
            channel.basicPublish("", "transient-q", MessageProperties.PERSISTENT_TEXT_PLAIN, "lost".getBytes());
            channel.waitForConfirmsOrDie(5_000);
        }

        broker.restart();

        assertThat(broker.port()).isEqualTo(port);
        try (Connection connection = Amqp.factory(broker).newConnection()) {
            Channel channel = connection.createChannel();
            assertThat(channel.queueDeclarePassive("durable-q").getMessageCount()).isEqualTo(1);
            assertThat(new String(channel.basicGet("durable-q", true).getBody())).isEqualTo("persistent");
            channel.exchangeDeclarePassive("durable-x");
            // the binding survived: a new message routes again
            channel.basicPublish("durable-x", "a.c", null, "again".getBytes());
            Amqp.await(Duration.ofSeconds(5), "routed through the recovered binding",
                    () -> channel.queueDeclarePassive("durable-q").getMessageCount() == 1);
            assertThat(missing(connection, c -> c.queueDeclarePassive("transient-q"))).isTrue();
            assertThat(missing(connection, c -> c.exchangeDeclarePassive("transient-x"))).isTrue();
        }
    }

    @Test
    void openConnectionsAreClosedWithConnectionForcedAndRecoveringClientsComeBack() throws Exception {
        ConnectionFactory factory = Amqp.factory(broker);
        factory.setAutomaticRecoveryEnabled(true);
        factory.setNetworkRecoveryInterval(100);
        List<String> shutdowns = new CopyOnWriteArrayList<>();
        try (Connection connection = factory.newConnection()) {
            connection.addShutdownListener(cause -> shutdowns.add(cause.getMessage()));
            Channel channel = connection.createChannel();
            channel.queueDeclare("recovering", true, false, false, null);

            broker.restart();

            Amqp.await(Duration.ofSeconds(10), "the client recovered", () -> {
                channel.queueDeclarePassive("recovering");
                return true;
            });
            assertThat(shutdowns).anySatisfy(message -> assertThat(message).contains("320"));
        }
    }

    @Test
    void virtualHostsLeasesAndListenersSurvive() throws Exception {
        broker.createVirtualHost("kept");
        VirtualHostLease lease = broker.leaseVirtualHost();
        List<PublishedMessage> recorded = new CopyOnWriteArrayList<>();
        broker.onPublish(lease.name(), recorded::add);

        broker.restart();

        try (Connection kept = Amqp.factory(broker, "kept").newConnection();
             Connection leased = Amqp.factory(broker, lease.name()).newConnection()) {
            assertThat(kept.isOpen()).isTrue();
            Channel channel = leased.createChannel();
            channel.basicPublish("", "nobody", null, "after restart".getBytes());
            Amqp.await(Duration.ofSeconds(5), "recorded", () -> recorded.size() == 1);
        }
        lease.close();
    }

    @Test
    void aRestartedBrokerKeepsEmulatingRabbitMq() throws Exception {
        broker.restart();
        try (Connection connection = Amqp.factory(broker).newConnection()) {
            Channel channel = connection.createChannel();
            channel.queueDeclare("ttl", false, false, false, null);
            channel.basicPublish("", "ttl", new AMQP.BasicProperties.Builder().expiration("60000").build(), "x".getBytes());
            Amqp.await(Duration.ofSeconds(5), "relative expiration kept the message",
                    () -> channel.queueDeclarePassive("ttl").getMessageCount() == 1);
            assertThat(channel.basicGet("ttl", true).getProps().getExpiration()).isEqualTo("60000");
        }
    }

    @Test
    void aClosedBrokerCannotBeRestarted() {
        broker.close();
        assertThatThrownBy(broker::restart).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    private interface ChannelCall {
        void run(Channel channel) throws IOException;
    }

    private static boolean missing(Connection connection, ChannelCall call) throws IOException {
        Channel channel = connection.createChannel();
        try {
            call.run(channel);
            return false;
        } catch (IOException e) {
            return e.getCause() instanceof com.rabbitmq.client.ShutdownSignalException s
                    && s.getReason() instanceof AMQP.Channel.Close close && close.getReplyCode() == 404;
        }
    }
}
