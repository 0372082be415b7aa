package dev.oslo4j.messaging.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oslo4j.messaging.MessagingOptions;
import dev.oslo4j.messaging.NotificationEndpoint;
import dev.oslo4j.messaging.NotificationListener;
import dev.oslo4j.messaging.NotificationMetadata;
import dev.oslo4j.messaging.NotificationResult;
import dev.oslo4j.messaging.Notifier;
import dev.oslo4j.messaging.RequestContext;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;


class NotificationSmokeIT {

    @RegisterExtension
    final RabbitBroker broker = new RabbitBroker();

    @Test
    void infoRoundTrip() throws Exception {
        String topic = broker.uniqueTopic("nsmoke");
        String exchange = broker.uniqueTopic("x");
        broker.deleteQueueAfter(topic + ".info");
        broker.deleteExchangeAfter(exchange);
        List<String> got = new CopyOnWriteArrayList<>();
        MessagingOptions o = MessagingOptions.builder().controlExchange(exchange).build();
        try (Transport t = Transport.open(RabbitBroker.URL, o);
             NotificationListener l = NotificationListener.builder(t).target(Target.topic(topic))
                     .endpoint(new NotificationEndpoint() {
                         @Override
                         public NotificationResult info(RequestContext ctxt, String publisherId, String eventType,
                                                        JsonNode payload, NotificationMetadata metadata) {
                             got.add(publisherId + "|" + eventType + "|" + payload + "|" + ctxt.userId());
                             return null;
                         }
                     }).build().start()) {
            Notifier n = Notifier.builder(t).publisherId("compute.host1").topics(topic).build();
            n.info(Map.of("user_id", "u1", "auth_token", "secret"), "compute.instance.create.end", Map.of("a", 1))
                    .get(10, TimeUnit.SECONDS);
            Eventually.await(java.time.Duration.ofSeconds(10), () -> got.size() == 1, got::toString);
            assertThat(got).containsExactly("compute.host1|compute.instance.create.end|{\"a\":1}|u1");
        }
    }
}
