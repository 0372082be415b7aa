package dev.oslo4j.broker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;

import dev.oslo4j.broker.support.Amqp;

/** {@link EmbeddedBroker#dropConnections()}: as {@code rabbitmqctl close_all_connections}. */
class DropConnectionsTest {

    @Test
    void everyConnectionIsClosedWithConnectionForcedAndTheBrokerKeepsServing() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(); VirtualHostLease lease = broker.leaseVirtualHost()) {
            Connection defaultVhost = Amqp.factory(broker).newConnection();
            Connection leased = Amqp.factory(broker, lease.name()).newConnection();

            broker.dropConnections();

            assertThat(defaultVhost.isOpen()).isFalse();
            assertThat(leased.isOpen()).isFalse();
            ShutdownSignalException cause = defaultVhost.getCloseReason();
            assertThat(cause.isHardError()).isTrue();
            assertThat(cause.isInitiatedByApplication()).isFalse();
            assertThat(cause.getMessage()).contains("reply-code=320");
            try (Connection again = Amqp.factory(broker).newConnection()) {
                assertThat(again.isOpen()).isTrue();
            }
        }
    }

    @Test
    void oneVirtualHostCanBeTargeted() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(); VirtualHostLease lease = broker.leaseVirtualHost();
             Connection defaultVhost = Amqp.factory(broker).newConnection()) {
            Connection leased = Amqp.factory(broker, lease.name()).newConnection();

            broker.dropConnections(lease.name());

            assertThat(leased.isOpen()).isFalse();
            assertThat(defaultVhost.isOpen()).isTrue();
        }
    }
}
