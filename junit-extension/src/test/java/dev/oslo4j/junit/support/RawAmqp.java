package dev.oslo4j.junit.support;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.oslo4j.messaging.TransportHost;
import dev.oslo4j.messaging.TransportURL;

import java.nio.charset.StandardCharsets;

/** Publishes raw bytes on a test's broker view with the plain RabbitMQ client, as a foreign publisher would. */
public final class RawAmqp {

    private RawAmqp() {
    }

    /** A plain connection (no automatic recovery) to the broker view of {@code transportUrl}. */
    public static Connection connect(String transportUrl) throws Exception {
        TransportURL url = TransportURL.parse(transportUrl);
        TransportHost host = url.effectiveHosts().get(0);
        ConnectionFactory f = new ConnectionFactory();
        f.setHost(host.hostname());
        f.setPort(host.effectivePort());
        f.setUsername(host.effectiveUsername());
        f.setPassword(host.effectivePassword());
        f.setVirtualHost(url.effectiveVirtualHost());
        f.setAutomaticRecoveryEnabled(false);
        return f.newConnection("oslo4j-test-raw");
    }

    public static void publish(String transportUrl, String exchange, String routingKey, String body) throws Exception {
        try (Connection c = connect(transportUrl); Channel ch = c.createChannel()) {
            ch.confirmSelect();
            if (!exchange.isEmpty()) {
                ch.exchangeDeclare(exchange, "topic");
            }
            ch.basicPublish(exchange, routingKey,
                    new AMQP.BasicProperties.Builder().contentType("application/json").build(),
                    body.getBytes(StandardCharsets.UTF_8));
            ch.waitForConfirmsOrDie(5000);
        }
    }
}
