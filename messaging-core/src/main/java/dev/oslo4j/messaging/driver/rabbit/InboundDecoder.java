package dev.oslo4j.messaging.driver.rabbit;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Envelope;
import dev.oslo4j.messaging.wire.Compression;
import dev.oslo4j.messaging.wire.MalformedMessage;
import org.slf4j.Logger;

import java.util.Map;

/**
 * What every consumer does first with a delivery (docs/wire-protocol.md §3.5): require {@code application/json}, undo
 * kombu compression, unwrap the envelope. Failures carry the reason; {@link #logRejected} logs it once.
 */
final class InboundDecoder {

    private InboundDecoder() {
    }

    static JsonNode decode(AMQP.BasicProperties props, byte[] body) throws MalformedMessage {
        String contentType = props == null ? null : props.getContentType();
        if (contentType == null) {
            throw new MalformedMessage("message has no content_type (oslo requires application/json)");
        }
        if (!AmqpProperties.CONTENT_TYPE.equalsIgnoreCase(contentType.trim())) {
            throw new MalformedMessage("unsupported content_type '" + contentType + "' (expected application/json)");
        }
        Map<String, Object> headers = props.getHeaders();
        Object compression = headers == null ? null : headers.get(Compression.HEADER);
        byte[] raw = compression == null ? body : Compression.decompress(compression.toString(), body);
        return dev.oslo4j.messaging.wire.Envelope.unwrap(raw);
    }

    static void logRejected(Logger log, String queue, Envelope env, int size, String reason) {
        log.warn("rejected a malformed message from queue '{}' (exchange '{}', routing key '{}', {} bytes): {}",
                queue, env.getExchange(), env.getRoutingKey(), size, reason);
    }
}
