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

import dev.oslo4j.broker.support.Amqp;
import dev.oslo4j.broker.support.DurableState;
import dev.oslo4j.testsupport.Await;

/** {@link EmbeddedBroker#restart()} behaves like a RabbitMQ node restart. */
class RestartTest {

    @AutoClose
    private EmbeddedBroker broker;

    @BeforeEach
    void start() {
        broker = EmbeddedBroker.start();
    }

    @Test
    void durableTopologyAndPersistentMessagesSurviveTransientOnesDoNot() throws Exception {
        int port = broker.port();
        try (Connection connection = Amqp.factory(broker).newConnection()) {
            DurableState.populate(connection.createChannel());
        }

        broker.restart();

        assertThat(broker.port()).isEqualTo(port);
        try (Connection connection = Amqp.factory(broker).newConnection()) {
            DurableState.assertOnlyDurableStateSurvived(connection);
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

            Await.until(Duration.ofSeconds(10), "the client recovered", () -> {
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
            Await.until(Duration.ofSeconds(5), "recorded", () -> recorded.size() == 1);
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
            Await.until(Duration.ofSeconds(5), "relative expiration kept the message",
                    () -> channel.queueDeclarePassive("ttl").getMessageCount() == 1);
            assertThat(channel.basicGet("ttl", true).getProps().getExpiration()).isEqualTo("60000");
        }
    }

    @Test
    void aClosedBrokerCannotBeRestarted() {
        broker.close();
        assertThatThrownBy(broker::restart).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
}
