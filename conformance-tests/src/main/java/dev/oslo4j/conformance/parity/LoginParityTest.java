package dev.oslo4j.conformance.parity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.ConnectionFactory;

import dev.oslo4j.conformance.broker.AmqpErrors;
import dev.oslo4j.conformance.broker.BrokerUnderTest;
import dev.oslo4j.conformance.broker.OnEveryBroker;

/** Logging in: a wrong password and an unknown virtual host are reported as RabbitMQ reports them. */
class LoginParityTest {

    @OnEveryBroker
    void aWrongPasswordIsAnAuthenticationFailure(BrokerUnderTest broker) {
        ConnectionFactory factory = broker.connectionFactory();
        factory.setPassword("definitely-not-" + factory.getPassword());
        assertThatThrownBy(() -> factory.newConnection().close())
                .isInstanceOf(AuthenticationFailureException.class)
                .hasMessageContaining("ACCESS_REFUSED");
    }

    @OnEveryBroker
    void anUnknownVirtualHostIsNotAllowed(BrokerUnderTest broker) {
        ConnectionFactory factory = broker.connectionFactory();
        factory.setVirtualHost(broker.uniqueName("no-such-vhost"));
        String text = AmqpErrors.assertConnectionError(530, () -> factory.newConnection().close());
        assertThat(text).contains("NOT_ALLOWED");
    }

    @OnEveryBroker
    void plainLoginWorks(BrokerUnderTest broker) throws Exception {
        assertThat(broker.connect().isOpen()).isTrue();
    }
}
