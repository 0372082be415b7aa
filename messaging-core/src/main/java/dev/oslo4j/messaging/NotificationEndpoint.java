package dev.oslo4j.messaging;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A notification listener endpoint with one method per priority (oslo's endpoint methods named {@code audit},
 * {@code debug}, {@code info}, {@code warn}, {@code error}, {@code critical}, {@code sample}). Override the
 * priorities you handle: a listener subscribes only to priorities some endpoint overrides, as in oslo (a default
 * method is not an implementation).
 *
 * <pre>{@code
 * class InstanceEvents implements NotificationEndpoint {
 *     @Override
 *     public NotificationResult info(RequestContext ctxt, String publisherId, String eventType, JsonNode payload,
 *                                    NotificationMetadata metadata) {
 *         billing.record(payload.path("instance_id").asText());
 *         return NotificationResult.HANDLED;
 *     }
 * }
 * }</pre>
 *
 * <p>Plain objects work too, without this interface: public methods named by priority taking
 * {@code (context, publisherId, eventType, payload, metadata)} where the payload parameter may be of any type
 * Jackson converts the JSON to, the context may be a {@link RequestContext}, a {@code Map} or a {@link JsonNode},
 * and the metadata a {@link NotificationMetadata}, a {@code Map} or a {@link JsonNode}; or taking a single
 * {@link Notification}. Return {@link NotificationResult} or nothing ({@code void}/{@code null} = handled);
 * throwing means {@link NotificationResult#REQUEUE}.
 */
public interface NotificationEndpoint {

    default NotificationResult audit(RequestContext ctxt, String publisherId, String eventType, JsonNode payload,
                                     NotificationMetadata metadata) {
        return NotificationResult.HANDLED;
    }

    default NotificationResult debug(RequestContext ctxt, String publisherId, String eventType, JsonNode payload,
                                     NotificationMetadata metadata) {
        return NotificationResult.HANDLED;
    }

    default NotificationResult info(RequestContext ctxt, String publisherId, String eventType, JsonNode payload,
                                    NotificationMetadata metadata) {
        return NotificationResult.HANDLED;
    }

    default NotificationResult warn(RequestContext ctxt, String publisherId, String eventType, JsonNode payload,
                                    NotificationMetadata metadata) {
        return NotificationResult.HANDLED;
    }

    default NotificationResult error(RequestContext ctxt, String publisherId, String eventType, JsonNode payload,
                                     NotificationMetadata metadata) {
        return NotificationResult.HANDLED;
    }

    default NotificationResult critical(RequestContext ctxt, String publisherId, String eventType, JsonNode payload,
                                        NotificationMetadata metadata) {
        return NotificationResult.HANDLED;
    }

    default NotificationResult sample(RequestContext ctxt, String publisherId, String eventType, JsonNode payload,
                                      NotificationMetadata metadata) {
        return NotificationResult.HANDLED;
    }

    /** oslo's {@code filter_rule}: notifications not matching it skip this endpoint (null: no filter). */
    default NotificationFilter filterRule() {
        return null;
    }
}
