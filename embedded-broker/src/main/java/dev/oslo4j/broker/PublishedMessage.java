package dev.oslo4j.broker;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * One message as a client published it to the embedded broker, seen at the broker side.
 *
 * <p>Properties are reported exactly as the client sent them: {@code expiration} is the relative
 * RabbitMQ-style string (e.g. {@code "60000"}), not the absolute deadline the broker computes from it.
 * Absent properties are {@code null}.
 *
 * @param virtualHost      the virtual host name as clients address it ({@code "/"} for the default one,
 *                         the lease name for a {@link VirtualHostLease})
 * @param exchange         the exchange named in {@code basic.publish} ({@code ""} for the default exchange)
 * @param routingKey       the routing key of {@code basic.publish}
 * @param contentType      the {@code content-type} property
 * @param contentEncoding  the {@code content-encoding} property
 * @param deliveryMode     the {@code delivery-mode} property (1 transient, 2 persistent, 0 when absent)
 * @param priority         the {@code priority} property (0 when absent)
 * @param expiration       the {@code expiration} property as sent, e.g. {@code "60000"}
 * @param headers          the {@code headers} table (never null, may be empty), unmodifiable
 * @param mandatory        the {@code mandatory} flag of {@code basic.publish}
 * @param body             the message body (a private copy)
 * @param routedQueueCount how many queues received the message; 0 means it was unroutable
 * @param timestamp        when the broker received it, in epoch milliseconds
 */
public record PublishedMessage(String virtualHost,
                               String exchange,
                               String routingKey,
                               String contentType,
                               String contentEncoding,
                               int deliveryMode,
                               int priority,
                               String expiration,
                               Map<String, Object> headers,
                               boolean mandatory,
                               byte[] body,
                               int routedQueueCount,
                               long timestamp) {

    public PublishedMessage {
        Objects.requireNonNull(virtualHost, "virtualHost");
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(routingKey, "routingKey");
        headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(headers);
        body = body == null ? new byte[0] : body;
    }

    /** Whether no queue received the message. */
    public boolean unroutable() {
        return routedQueueCount == 0;
    }

    /** The body decoded as UTF-8. */
    public String bodyAsString() {
        return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublishedMessage m
                && virtualHost.equals(m.virtualHost) && exchange.equals(m.exchange)
                && routingKey.equals(m.routingKey) && Objects.equals(contentType, m.contentType)
                && Objects.equals(contentEncoding, m.contentEncoding) && deliveryMode == m.deliveryMode
                && priority == m.priority && Objects.equals(expiration, m.expiration)
                && headers.equals(m.headers) && mandatory == m.mandatory && Arrays.equals(body, m.body)
                && routedQueueCount == m.routedQueueCount && timestamp == m.timestamp;
    }

    @Override
    public int hashCode() {
        return Objects.hash(virtualHost, exchange, routingKey, timestamp, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "PublishedMessage[vhost=" + virtualHost + ", exchange='" + exchange + "', routingKey='" + routingKey
                + "', contentType=" + contentType + ", expiration=" + expiration + ", mandatory=" + mandatory
                + ", routedQueueCount=" + routedQueueCount + ", bodyBytes=" + body.length + "]";
    }
}
