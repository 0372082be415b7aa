package dev.oslo4j.conformance.parity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.rabbitmq.client.Channel;

import dev.oslo4j.conformance.broker.BrokerUnderTest;
import dev.oslo4j.conformance.broker.OnEveryBroker;
import dev.oslo4j.testsupport.Await;

/** Routing as oslo uses it: topic and fanout exchanges, the default exchange naming queues only. */
class RoutingParityTest {

    @OnEveryBroker
    void topicFanoutAndDirectRouteAsRabbitMqDoes(BrokerUnderTest broker) throws Exception {
        Channel channel = broker.connect().createChannel();
        String topic = broker.uniqueName("topic");
        String fanout = broker.uniqueName("fanout");
        broker.deleteExchangeAfterTest(topic);
        broker.deleteExchangeAfterTest(fanout);
        channel.exchangeDeclare(topic, "topic", false, false, null);
        channel.exchangeDeclare(fanout, "fanout", false, true, null);
        String server = Amqp.queue(broker, channel, null);
        String all = Amqp.queue(broker, channel, null);
        String fan = Amqp.queue(broker, channel, null);
        channel.queueBind(server, topic, "compute.host1");
        channel.queueBind(all, topic, "compute.#");
        channel.queueBind(fan, fanout, "ignored");

        channel.basicPublish(topic, "compute.host1", null, "to host1".getBytes());
        channel.basicPublish(topic, "compute", null, "to all".getBytes());
        channel.basicPublish(fanout, "whatever", null, "fanned".getBytes());

        Await.until(Duration.ofSeconds(5), "routed", () -> Amqp.depth(channel, all) == 2 && Amqp.depth(channel, fan) == 1);
        assertThat(Amqp.depth(channel, server)).isEqualTo(1);
    }

    @OnEveryBroker
    void theDefaultExchangeRoutesToQueuesOnly(BrokerUnderTest broker) throws Exception {
        Channel channel = broker.connect().createChannel();
        List<String> returned = new CopyOnWriteArrayList<>();
        channel.addReturnListener(r -> returned.add(r.getRoutingKey()));
        channel.basicPublish("", "amq.direct", true, null, "not a queue".getBytes());
        channel.basicPublish("", "amq.direct/key", true, null, "not an address".getBytes());
        Await.until(Duration.ofSeconds(5), "both returned", () -> returned.size() == 2);
        assertThat(returned).containsExactly("amq.direct", "amq.direct/key");
    }

    @OnEveryBroker
    void amqHeadersExists(BrokerUnderTest broker) throws Exception {
        Channel channel = broker.connect().createChannel();
        channel.exchangeDeclarePassive("amq.headers");
        channel.exchangeDeclarePassive("amq.match");
        channel.exchangeDeclarePassive("amq.topic");
        channel.exchangeDeclarePassive("amq.fanout");
        assertThat(channel.isOpen()).isTrue();
    }
}
