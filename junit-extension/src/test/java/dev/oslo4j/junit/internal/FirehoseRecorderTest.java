package dev.oslo4j.junit.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Delivery;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.impl.LongStringHelper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The original publish is rebuilt from RabbitMQ's firehose trace headers. */
class FirehoseRecorderTest {

    private static Delivery trace(Map<String, Object> headers) {
        return new Delivery(new Envelope(1, false, "amq.rabbitmq.trace", "publish.openstack"),
                new AMQP.BasicProperties.Builder().headers(headers).build(), "{}".getBytes());
    }

    @Test
    void exchangeRoutingKeyRoutedQueuesAndProperties() {
        RawPublish p = FirehoseRecorder.raw(trace(Map.of(
                "exchange_name", LongStringHelper.asLongString("openstack"),
                "routing_keys", List.of(LongStringHelper.asLongString("compute.host1")),
                "routed_queues", List.of(),
                "properties", Map.of("expiration", LongStringHelper.asLongString("60000"),
                        "headers", Map.of("compression", LongStringHelper.asLongString("application/x-gzip"))))));
        assertThat(p.exchange()).isEqualTo("openstack");
        assertThat(p.routingKey()).isEqualTo("compute.host1");
        assertThat(p.routedQueueCount()).isZero();
        assertThat(p.unroutable()).isTrue();
        assertThat(p.expiration()).isEqualTo("60000");
        assertThat(p.headers()).containsEntry("compression", "application/x-gzip");
        assertThat(new String(p.body())).isEqualTo("{}");
    }

    @Test
    void aBrokerThatDoesNotSayWhereItRoutedMarksNothingUnroutable() {
        RawPublish p = FirehoseRecorder.raw(trace(Map.of(
                "exchange_name", LongStringHelper.asLongString(""),
                "routing_keys", List.of(LongStringHelper.asLongString("reply_1")))));
        assertThat(p.exchange()).isEmpty();
        assertThat(p.routedQueueCount()).isEqualTo(-1);
        assertThat(p.unroutable()).isFalse();
        assertThat(p.headers()).isEmpty();
        assertThat(p.expiration()).isNull();
    }
}
