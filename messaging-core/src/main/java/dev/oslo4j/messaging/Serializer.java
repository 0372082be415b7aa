package dev.oslo4j.messaging;

import com.fasterxml.jackson.databind.JsonNode;

import java.lang.reflect.Type;
import java.util.Map;

/**
 * How entities and contexts become JSON and back (oslo's {@code oslo_messaging.serializer.Serializer}), given to
 * the builders of {@link RpcClient}, {@link RpcServer}, {@link Notifier} and {@link NotificationListener}:
 *
 * <ul>
 *   <li>a client serializes the context and each call/cast argument, and deserializes a call's result;</li>
 *   <li>a server deserializes the context, then each argument to its endpoint parameter's declared type, and
 *       serializes the method's result;</li>
 *   <li>a notifier serializes the context and the payload; a listener deserializes the context and the payload
 *       (to the endpoint parameter's declared type).</li>
 * </ul>
 *
 * <p>The envelope itself (message ids, {@code _context_*} keys, Python's JSON layout) is not the serializer's
 * business: whatever it returns is written by oslo4j's own wire codec, so the bytes on the wire keep oslo's
 * layout. The default, {@link JacksonSerializer#defaults()}, is what oslo4j always did; pass a
 * {@link JacksonSerializer} of your own {@code ObjectMapper} to use Jackson modules (records, {@code java.time},
 * …), or a serializer such as {@code VersionedObjectSerializer} that speaks a Python project's object format.
 * Implementations must be thread-safe and must never bind bus data to a type named by the data (no polymorphic
 * deserialization).
 */
public interface Serializer {

    /**
     * The wire form of {@code entity}: a Jackson {@link JsonNode}, or a tree of {@code Map}, {@code List},
     * {@code String}, {@code Number}, {@code Boolean} and {@code null} (what oslo calls a primitive).
     *
     * @throws IllegalArgumentException when the entity cannot be serialized
     */
    Object serializeEntity(RequestContext context, Object entity);

    /**
     * {@code primitive} as a value of {@code type} (the declared type of the endpoint parameter, or
     * {@code Object}/{@link JsonNode} when the caller asked for JSON).
     *
     * @throws IllegalArgumentException when it does not convert to {@code type}
     */
    Object deserializeEntity(RequestContext context, JsonNode primitive, Type type);

    /** The context as it is sent (before oslo's {@code _context_} flattening); by default unchanged. */
    default Map<String, ?> serializeContext(Map<String, ?> context) {
        return context;
    }

    /** The context as endpoints see it; by default unchanged. */
    default RequestContext deserializeContext(RequestContext context) {
        return context;
    }
}
