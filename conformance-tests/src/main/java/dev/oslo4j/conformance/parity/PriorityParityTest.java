package dev.oslo4j.conformance.parity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;

import dev.oslo4j.conformance.broker.BrokerUnderTest;
import dev.oslo4j.conformance.broker.OnEveryBroker;
import dev.oslo4j.testsupport.Await;

/** {@code x-max-priority}: higher-priority messages are delivered first. */
class PriorityParityTest {

    @OnEveryBroker
    void higherPrioritiesComeFirst(BrokerUnderTest broker) throws Exception {
        Channel channel = broker.connect().createChannel();
        String queue = Amqp.queue(broker, channel, Map.of("x-max-priority", 9));
        for (int priority : new int[] {1, 7, 3, 0, 9}) {
            Amqp.publish(channel, queue, "p" + priority, new AMQP.BasicProperties.Builder().priority(priority).build());
        }
        Await.until(Duration.ofSeconds(5), "five messages", () -> Amqp.depth(channel, queue) == 5);
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            order.add(Amqp.body(channel.basicGet(queue, true)));
        }
        assertThat(order).containsExactly("p9", "p7", "p3", "p1", "p0");
    }
}
