package dev.oslo4j.broker.support;

import com.rabbitmq.client.ConnectionFactory;

import dev.oslo4j.broker.EmbeddedBroker;

/** amqp-client factories for an embedded broker (waits: {@link dev.oslo4j.testsupport.Await}). */
public final class Amqp {

    private Amqp() {
    }

    public static ConnectionFactory factory(EmbeddedBroker broker, String vhost) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(broker.host());
        factory.setPort(broker.port());
        factory.setUsername(broker.user());
        factory.setPassword(broker.password());
        factory.setVirtualHost(vhost);
        factory.setAutomaticRecoveryEnabled(false);
        factory.setConnectionTimeout(5_000);
        factory.setShutdownTimeout(1_000);
        return factory;
    }

    public static ConnectionFactory factory(EmbeddedBroker broker) {
        return factory(broker, "/");
    }
}
