package dev.oslo4j.broker.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.MessageProperties;
import com.rabbitmq.client.ShutdownSignalException;

import dev.oslo4j.testsupport.Await;

/**
 * The durable-versus-transient scenario every kind of restart must pass, as on a RabbitMQ node restart: durable
 * exchanges, queues, bindings and persistent messages in durable queues survive; everything else is gone.
 */
public final class DurableState {

    private DurableState() {
    }

    /** Declares a durable and a transient exchange and queue, binds, and publishes (confirmed) one of each kind. */
    public static void populate(Channel channel) throws IOException, InterruptedException, TimeoutException {
        channel.exchangeDeclare("durable-x", "topic", true);
        channel.exchangeDeclare("transient-x", "topic", false);
        channel.queueDeclare("durable-q", true, false, false, null);
        channel.queueDeclare("transient-q", false, false, false, null);
        channel.queueBind("durable-q", "durable-x", "a.#");
        channel.queueBind("durable-q", "transient-x", "t.#");
        channel.confirmSelect();
        channel.basicPublish("durable-x", "a.b", MessageProperties.PERSISTENT_TEXT_PLAIN, "persistent".getBytes());
        channel.basicPublish("durable-x", "a.b", MessageProperties.TEXT_PLAIN, "transient".getBytes());
        channel.basicPublish("", "transient-q", MessageProperties.PERSISTENT_TEXT_PLAIN, "lost".getBytes());
        channel.waitForConfirmsOrDie(5_000);
    }

    /** After a restart: only the persistent message is left, the durable binding routes, the transient rest is gone. */
    public static void assertOnlyDurableStateSurvived(Connection connection) throws IOException {
        Channel channel = connection.createChannel();
        assertThat(channel.queueDeclarePassive("durable-q").getMessageCount()).isEqualTo(1);
        assertThat(new String(channel.basicGet("durable-q", true).getBody())).isEqualTo("persistent");
        channel.exchangeDeclarePassive("durable-x");
        channel.basicPublish("durable-x", "a.c", null, "again".getBytes());
        Await.until(Duration.ofSeconds(5), "routed through the recovered binding",
                () -> channel.queueDeclarePassive("durable-q").getMessageCount() == 1);
        assertThat(channelErrorOf(connection, c -> c.queueDeclarePassive("transient-q"))).isEqualTo(404);
        assertThat(channelErrorOf(connection, c -> c.exchangeDeclarePassive("transient-x"))).isEqualTo(404);
    }

    /** An operation on a fresh channel. */
    @FunctionalInterface
    public interface ChannelCall {
        void run(Channel channel) throws IOException;
    }

    /** The reply code of the channel error {@code call} caused on a fresh channel, 0 if it succeeded, -1 otherwise. */
    public static int channelErrorOf(Connection connection, ChannelCall call) throws IOException {
        Channel channel = connection.createChannel();
        try {
            call.run(channel);
            return 0;
        } catch (IOException e) {
            return e.getCause() instanceof ShutdownSignalException s && s.getReason() instanceof AMQP.Channel.Close close
                    ? close.getReplyCode() : -1;
        }
    }
}
