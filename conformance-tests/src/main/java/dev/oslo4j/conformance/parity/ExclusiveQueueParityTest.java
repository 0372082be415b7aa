package dev.oslo4j.conformance.parity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.rabbitmq.client.Connection;

import dev.oslo4j.conformance.broker.BrokerUnderTest;
import dev.oslo4j.conformance.broker.OnEveryBroker;
import dev.oslo4j.testsupport.Await;

/** Exclusive queues die with their connection, whatever their other flags (oslo's reply queues rely on it). */
class ExclusiveQueueParityTest {

    @OnEveryBroker
    void exclusiveQueuesAreDeletedWithTheirConnection(BrokerUnderTest broker) throws Exception {
        Connection owner = broker.connect();
        String durable = broker.uniqueName("excl-durable");
        String plain = broker.uniqueName("excl-plain");
        String autoDelete = broker.uniqueName("excl-autodelete");
        owner.createChannel().queueDeclare(durable, true, true, false, null);
        owner.createChannel().queueDeclare(plain, false, true, false, null);
        owner.createChannel().queueDeclare(autoDelete, false, true, true, null);
        owner.close();

        Connection other = broker.connect();
        for (String queue : new String[] {durable, plain, autoDelete}) {
            Await.until(Duration.ofSeconds(5), queue + " is gone", () -> QueueArgumentsParityTest.gone(other, queue));
        }
        assertThat(other.isOpen()).isTrue();
    }

    @OnEveryBroker
    void anExclusiveAutoDeleteQueueGoesWithItsLastConsumer(BrokerUnderTest broker) throws Exception {
        Connection owner = broker.connect();
        var channel = owner.createChannel();
        String queue = channel.queueDeclare().getQueue();
        String tag = channel.basicConsume(queue, true, (t, d) -> { }, t -> { });
        channel.basicCancel(tag);
        Connection other = broker.connect();
        Await.until(Duration.ofSeconds(5), "the server-named queue is gone", () -> QueueArgumentsParityTest.gone(other, queue));
        assertThat(owner.isOpen()).isTrue();
    }
}
