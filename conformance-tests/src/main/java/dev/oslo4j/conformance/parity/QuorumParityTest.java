package dev.oslo4j.conformance.parity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;

import dev.oslo4j.conformance.broker.BrokerUnderTest;
import dev.oslo4j.conformance.broker.OnEveryBroker;
import dev.oslo4j.testsupport.Await;

/**
 * Quorum queues as oslo.messaging 16 declares them ({@code rabbit_quorum_queue},
 * {@code rabbit_transient_quorum_queue}, {@code use_queue_manager}): durable, with {@code x-expires} on the
 * {@code reply_<host>:<process>:<n>} queue, {@code x-delivery-limit} and the in-memory limits; and what
 * RabbitMQ 3.10 refuses for them.
 */
class QuorumParityTest {

    @OnEveryBroker
    void anOslo16ReplyQueueWorksAsDeclared(BrokerUnderTest broker) throws Exception {
        Connection connection = broker.connect();
        Channel channel = connection.createChannel();
        String reply = "reply_" + broker.uniqueName("host") + ":py_rpc_client.py:1";
        broker.deleteQueueAfterTest(reply);
        Map<String, Object> args = Map.of("x-queue-type", "quorum", "x-expires", 1_800_000,
                "x-delivery-limit", 5, "x-max-in-memory-length", 100, "x-max-in-memory-bytes", 1_000_000);
        channel.queueDeclare(reply, true, false, false, args);
        channel.queueDeclare(reply, true, false, false, args);
        Amqp.publish(channel, reply, "result");
        Await.until(Duration.ofSeconds(5), "the reply arrived", () -> Amqp.depth(channel, reply) == 1);
        assertThat(Amqp.body(channel.basicGet(reply, true))).isEqualTo("result");
    }

    @OnEveryBroker
    void aQuorumQueueMustBeDurableSharedAndNamed(BrokerUnderTest broker) throws Exception {
        Connection connection = broker.connect();
        Map<String, Object> quorum = Map.of("x-queue-type", "quorum");
        String name = broker.uniqueName("quorum");
        broker.deleteQueueAfterTest(name);
        StreamParityTest.assertRefused(connection, "invalid property 'non-durable'",
                ch -> ch.queueDeclare(name, false, false, false, quorum));
        StreamParityTest.assertRefused(connection, "invalid property 'exclusive-owner'",
                ch -> ch.queueDeclare(name, true, true, false, quorum));
        StreamParityTest.assertRefused(connection, "invalid property 'auto-delete'",
                ch -> ch.queueDeclare(name, true, false, true, quorum));
        StreamParityTest.assertRefused(connection, "Cannot declare a server-named queue for type rabbit_quorum_queue",
                ch -> ch.queueDeclare("", true, false, false, quorum));
        for (Map.Entry<String, Object> refused : Map.<String, Object>of("x-max-priority", 5, "x-queue-mode", "lazy",
                "x-max-age", "10s").entrySet()) {
            StreamParityTest.assertRefused(connection, "invalid arg '" + refused.getKey() + "' for queue '" + name
                    + "' in vhost '" + broker.virtualHost() + "' of queue type rabbit_quorum_queue",
                    ch -> ch.queueDeclare(name, true, false, false,
                            Map.of("x-queue-type", "quorum", refused.getKey(), refused.getValue())));
        }
    }

    @OnEveryBroker
    void aRedeclarationMustMatchTypeAndArguments(BrokerUnderTest broker) throws Exception {
        Connection connection = broker.connect();
        String name = broker.uniqueName("quorum");
        broker.deleteQueueAfterTest(name);
        connection.createChannel().queueDeclare(name, true, false, false,
                Map.of("x-queue-type", "quorum", "x-expires", 1_800_000));
        StreamParityTest.assertRefused(connection, "inequivalent arg 'x-queue-type'",
                ch -> ch.queueDeclare(name, true, false, false, Map.of("x-expires", 1_800_000)));
        StreamParityTest.assertRefused(connection, "inequivalent arg 'x-expires'",
                ch -> ch.queueDeclare(name, true, false, false, Map.of("x-queue-type", "quorum", "x-expires", 60_000)));
    }

    @OnEveryBroker
    void aMessageReturnedMoreOftenThanTheDeliveryLimitIsDropped(BrokerUnderTest broker) throws Exception {
        Connection connection = broker.connect();
        Channel channel = connection.createChannel();
        String name = broker.uniqueName("quorum");
        broker.deleteQueueAfterTest(name);
        channel.queueDeclare(name, true, false, false, Map.of("x-queue-type", "quorum", "x-delivery-limit", 1));
        Amqp.publish(channel, name, "poison");
        int deliveries = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline && deliveries < 5) {
            GetResponse got = channel.basicGet(name, false);
            if (got != null) {
                deliveries++;
                channel.basicReject(got.getEnvelope().getDeliveryTag(), true);
            } else if (deliveries >= 2 && Amqp.depth(channel, name) == 0) {
                break;
            }
        }
        assertThat(deliveries).as("delivered once, returned, delivered again, returned and dropped").isEqualTo(2);
        assertThat(Amqp.depth(channel, name)).isZero();
    }
}
