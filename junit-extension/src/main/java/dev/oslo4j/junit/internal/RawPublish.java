package dev.oslo4j.junit.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A message as the broker saw it published, before oslo decoding; produced by the embedded broker's publish
 * listener or RabbitMQ's firehose, whichever records the test.
 *
 * @param exchange         the exchange of {@code basic.publish}
 * @param routingKey       its routing key
 * @param routedQueueCount how many queues received it; 0 = unroutable; -1 = the broker did not say
 * @param headers          the AMQP headers table (never null)
 * @param expiration       the AMQP {@code expiration} property as sent, or null
 * @param body             the body as published (possibly compressed)
 * @param at               when the recorder saw it
 */
public record RawPublish(String exchange, String routingKey, int routedQueueCount, Map<String, Object> headers,
                         String expiration, byte[] body, Instant at) {

    public RawPublish {
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(routingKey, "routingKey");
        headers = headers == null ? Map.of() : headers;
        body = body == null ? new byte[0] : body;
    }

    public boolean unroutable() {
        return routedQueueCount == 0;
    }
}
