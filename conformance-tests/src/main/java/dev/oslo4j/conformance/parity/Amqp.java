package dev.oslo4j.conformance.parity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;

import dev.oslo4j.conformance.broker.BrokerUnderTest;

/** Small raw-AMQP steps the parity tests share. */
final class Amqp {

    private Amqp() {
    }

    /** A new non-durable, non-exclusive, non-auto-delete queue with a unique name, deleted after the test. */
    static String queue(BrokerUnderTest broker, Channel channel, Map<String, Object> arguments) throws IOException {
        String name = broker.uniqueName("q");
        broker.deleteQueueAfterTest(name);
        channel.queueDeclare(name, false, false, false, arguments);
        return name;
    }

    static void publish(Channel channel, String queue, String body) throws IOException {
        channel.basicPublish("", queue, null, body.getBytes(StandardCharsets.UTF_8));
    }

    static void publish(Channel channel, String queue, String body, AMQP.BasicProperties props) throws IOException {
        channel.basicPublish("", queue, props, body.getBytes(StandardCharsets.UTF_8));
    }

    static String body(GetResponse response) {
        return response == null ? null : new String(response.getBody(), StandardCharsets.UTF_8);
    }

    /** Queue depth as a passive declare reports it (ready messages). */
    static int depth(Channel channel, String queue) throws IOException {
        return channel.queueDeclarePassive(queue).getMessageCount();
    }
}
