package dev.oslo4j.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

import dev.oslo4j.broker.support.Amqp;
import dev.oslo4j.testsupport.Await;

/** {@link EmbeddedBroker#onPublish}: every publish, as sent, with its routing outcome. */
class PublishRecordingTest {

    @Test
    void recordsEveryPublishAsSentUnroutableOnesIncluded() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(); VirtualHostLease lease = broker.leaseVirtualHost();
             Connection connection = Amqp.factory(broker, lease.name()).newConnection()) {
            List<PublishedMessage> recorded = new CopyOnWriteArrayList<>();
            PublishRecording recording = broker.onPublish(lease.name(), recorded::add);
            assertThat(recording.virtualHost()).isEqualTo(lease.name());
            Channel channel = connection.createChannel();
            channel.exchangeDeclare("fan", "fanout");
            channel.queueDeclare("q1", false, false, false, null);
            channel.queueDeclare("q2", false, false, false, null);
            channel.queueBind("q1", "fan", "");
            channel.queueBind("q2", "fan", "");
            channel.confirmSelect();
            AMQP.BasicProperties props = new AMQP.BasicProperties.Builder()
                    .contentType("application/json").contentEncoding("utf-8").deliveryMode(2).priority(3)
                    .expiration("60000").headers(Map.of("h", "v", "n", 7)).build();
            channel.basicPublish("", "q1", true, props, "{\"direct\":1}".getBytes());
            channel.basicPublish("fan", "ignored", false, null, "fanned".getBytes());
            channel.basicPublish("amq.topic", "nobody.listens", false, null, "lost".getBytes());
            channel.waitForConfirmsOrDie(5_000);

            Await.until(Duration.ofSeconds(5), "three records", () -> recorded.size() == 3);
            PublishedMessage direct = recorded.get(0);
            assertThat(direct.virtualHost()).isEqualTo(lease.name());
            assertThat(direct.exchange()).isEmpty();
            assertThat(direct.routingKey()).isEqualTo("q1");
            assertThat(direct.contentType()).isEqualTo("application/json");
            assertThat(direct.contentEncoding()).isEqualTo("utf-8");
            assertThat(direct.deliveryMode()).isEqualTo(2);
            assertThat(direct.priority()).isEqualTo(3);
            assertThat(direct.expiration()).isEqualTo("60000");
            assertThat(direct.headers()).containsEntry("h", "v").containsEntry("n", 7);
            assertThat(direct.mandatory()).isTrue();
            assertThat(direct.bodyAsString()).isEqualTo("{\"direct\":1}");
            assertThat(direct.routedQueueCount()).isEqualTo(1);
            assertThat(direct.timestamp()).isPositive();

            assertThat(recorded.get(1).exchange()).isEqualTo("fan");
            assertThat(recorded.get(1).routedQueueCount()).isEqualTo(2);
            assertThat(recorded.get(2).unroutable()).isTrue();
            assertThat(recorded.get(2).expiration()).isNull();

            recording.close();
            channel.basicPublish("", "q1", null, "after".getBytes());
            channel.waitForConfirmsOrDie(5_000);
            assertThat(recorded).hasSize(3);
        }
    }

    @Test
    void theDefaultVirtualHostIsSlash() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(); Connection connection = Amqp.factory(broker).newConnection()) {
            List<PublishedMessage> recorded = new CopyOnWriteArrayList<>();
            broker.onPublish("/", recorded::add);
            Channel channel = connection.createChannel();
            channel.basicPublish("", "nobody", null, "x".getBytes());
            Await.until(Duration.ofSeconds(5), "recorded", () -> recorded.size() == 1);
            assertThat(recorded.get(0).virtualHost()).isEqualTo("/");
        }
    }

    @Test
    void aFailingListenerDoesNotDisturbThePublisher() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(); Connection connection = Amqp.factory(broker).newConnection()) {
            broker.onPublish("/", m -> {
                throw new IllegalStateException("listener bug");
            });
            Channel channel = connection.createChannel();
            channel.queueDeclare("q", false, false, false, null);
            channel.confirmSelect();
            channel.basicPublish("", "q", null, "x".getBytes());
            assertThat(channel.waitForConfirms(5_000)).isTrue();
            assertThat(channel.queueDeclarePassive("q").getMessageCount()).isEqualTo(1);
        }
    }
}
