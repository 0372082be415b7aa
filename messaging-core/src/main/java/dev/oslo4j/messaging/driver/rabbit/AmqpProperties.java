package dev.oslo4j.messaging.driver.rabbit;

import com.rabbitmq.client.AMQP;
import dev.oslo4j.messaging.wire.Compression;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The AMQP properties every oslo publish carries (docs/wire-protocol.md §3.3): {@code content_type=application/json},
 * {@code content_encoding=utf-8}, {@code delivery_mode=2}, {@code priority=0}, empty headers (or only
 * {@code compression}), and {@code expiration} on call requests only.
 */
final class AmqpProperties {

    static final String CONTENT_TYPE = "application/json";
    static final String CONTENT_ENCODING = "utf-8";

    private final AMQP.BasicProperties plain;
    private final String compression;
    private final Map<Long, AMQP.BasicProperties> withExpiration = new ConcurrentHashMap<>();

    /** @param compressionHeader null, or the {@code compression} header value bodies are compressed with */
    AmqpProperties(String compressionHeader) {
        this.compression = compressionHeader;
        this.plain = builder().build();
    }

    private AMQP.BasicProperties.Builder builder() {
        return new AMQP.BasicProperties.Builder()
                .contentType(CONTENT_TYPE)
                .contentEncoding(CONTENT_ENCODING)
                .deliveryMode(2)
                .priority(0)
                .headers(compression == null ? Map.of() : Map.of(Compression.HEADER, compression));
    }

    /** Casts, replies, heartbeats, notifications. */
    AMQP.BasicProperties plain() {
        return plain;
    }

    /** Call requests: {@code expiration} = timeout in milliseconds. */
    AMQP.BasicProperties call(long timeoutMillis) {
        AMQP.BasicProperties p = withExpiration.get(timeoutMillis);
        if (p == null) {
            p = builder().expiration(Long.toString(timeoutMillis)).build();
            if (withExpiration.size() < 1024) {
                withExpiration.put(timeoutMillis, p);
            }
        }
        return p;
    }

    /** {@link #plain()} plus extra headers (trace propagation); the same object when there are none. */
    AMQP.BasicProperties plain(Map<String, String> extraHeaders) {
        return extraHeaders.isEmpty() ? plain : withHeaders(plain, extraHeaders);
    }

    /** {@link #call(long)} plus extra headers (trace propagation). */
    AMQP.BasicProperties call(long timeoutMillis, Map<String, String> extraHeaders) {
        AMQP.BasicProperties p = call(timeoutMillis);
        return extraHeaders.isEmpty() ? p : withHeaders(p, extraHeaders);
    }

    private static AMQP.BasicProperties withHeaders(AMQP.BasicProperties p, Map<String, String> extra) {
        Map<String, Object> headers = new HashMap<>(p.getHeaders());
        extra.forEach(headers::putIfAbsent); // never let a propagation field replace compression
        return p.builder().headers(headers).build();
    }

    /**
     * The string-valued headers of a delivery (AMQP long strings arrive as {@code LongString}); other values
     * (tables, numbers) are skipped: propagation fields are strings.
     */
    static Map<String, String> stringHeaders(AMQP.BasicProperties props) {
        Map<String, Object> headers = props == null ? null : props.getHeaders();
        if (headers == null || headers.isEmpty()) {
            return Map.of();
        }
        Map<String, String> out = new HashMap<>();
        headers.forEach((k, v) -> {
            if (v instanceof String || v instanceof com.rabbitmq.client.LongString) {
                out.put(k, v.toString());
            }
        });
        return out;
    }

    /** The body as sent: compressed when the transport compresses. */
    byte[] encodeBody(byte[] body) {
        return compression == null ? body : Compression.compress(compression, body);
    }
}
