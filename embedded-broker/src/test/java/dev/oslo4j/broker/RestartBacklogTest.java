package dev.oslo4j.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;

import dev.oslo4j.broker.support.Amqp;
import dev.oslo4j.testsupport.Await;

/** A restart keeps what is still queued, and nothing that was acknowledged before it, however long the backlog. */
class RestartBacklogTest {

    private static final int PUBLISHED = 5_000;
    private static final int ACKED = 2_000;

    @AutoClose
    private EmbeddedBroker broker;

    @BeforeEach
    void start() {
        broker = EmbeddedBroker.start();
    }

    @Test
    void acknowledgedPersistentMessagesDoNotComeBackAfterARestart() throws Exception {
        try (Connection connection = Amqp.factory(broker).newConnection()) {
            Channel channel = connection.createChannel();
            channel.queueDeclare("backlog", true, false, false, null);
            channel.confirmSelect();
            for (int i = 0; i < PUBLISHED; i++) {
                channel.basicPublish("", "backlog", MessageProperties.PERSISTENT_TEXT_PLAIN, ("m" + i).getBytes());
            }
            channel.waitForConfirmsOrDie(30_000);
            for (int i = 0; i < ACKED; i++) {
                GetResponse r = channel.basicGet("backlog", false);
                channel.basicAck(r.getEnvelope().getDeliveryTag(), false);
            }
            Await.until(Duration.ofSeconds(10), "acks settled",
                    () -> channel.queueDeclarePassive("backlog").getMessageCount() == PUBLISHED - ACKED);
        }

        broker.restart();

        try (Connection connection = Amqp.factory(broker).newConnection()) {
            Channel channel = connection.createChannel();
            assertThat(channel.queueDeclarePassive("backlog").getMessageCount()).isEqualTo(PUBLISHED - ACKED);
            assertThat(new String(channel.basicGet("backlog", true).getBody())).isEqualTo("m" + ACKED);
        }
    }
}
