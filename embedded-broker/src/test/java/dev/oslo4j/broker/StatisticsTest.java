package dev.oslo4j.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;

import dev.oslo4j.broker.support.Amqp;

/** {@link EmbeddedBroker#statistics(String)}: what a leak check counts, per virtual host. */
class StatisticsTest {

    @Test
    void countsConnectionsChannelsConsumersAndQueuesOfOneVirtualHost() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(); VirtualHostLease lease = broker.leaseVirtualHost()) {
            assertThat(broker.statistics(lease.name())).isEqualTo(new VirtualHostStatistics(0, 0, 0, 0));
            try (Connection connection = Amqp.factory(broker, lease.name()).newConnection();
                 Connection elsewhere = Amqp.factory(broker).newConnection()) {
                Channel one = connection.createChannel();
                Channel two = connection.createChannel();
                one.queueDeclare("q1", false, false, false, null);
                two.queueDeclare("q2", false, false, false, null);
                one.basicConsume("q1", new DefaultConsumer(one));
                two.basicConsume("q1", new DefaultConsumer(two));
                elsewhere.createChannel().queueDeclare("not-counted", false, false, false, null);

                assertThat(broker.statistics(lease.name())).isEqualTo(new VirtualHostStatistics(1, 2, 2, 2));

                two.close();
                assertThat(broker.statistics(lease.name())).isEqualTo(new VirtualHostStatistics(1, 1, 1, 2));
            }
        }
    }

    @Test
    void anUnknownVirtualHostIsNamed() {
        try (EmbeddedBroker broker = EmbeddedBroker.start()) {
            assertThatThrownBy(() -> broker.statistics("no-such-vhost"))
                    .isInstanceOf(EmbeddedBrokerException.class).hasMessageContaining("no-such-vhost");
        }
    }
}
