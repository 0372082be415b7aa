package dev.oslo4j.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;

class SmokeTest {

    @Test
    void startsPublishesAndGets() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start()) {
            ConnectionFactory cf = new ConnectionFactory();
            cf.setUri(broker.transportUrl().replace("rabbit://", "amqp://"));
            try (Connection c = cf.newConnection(); Channel ch = c.createChannel()) {
                System.out.println(c.getServerProperties());
                String q = ch.queueDeclare("", false, true, true, null).getQueue();
                System.out.println("queue " + q);
                ch.basicPublish("", q, new AMQP.BasicProperties.Builder().expiration("60000").build(),
                        "hello".getBytes(StandardCharsets.UTF_8));
                GetResponse r = ch.basicGet(q, true);
                assertThat(r).isNotNull();
                assertThat(r.getProps().getExpiration()).isEqualTo("60000");
            }
        }
    }
}
