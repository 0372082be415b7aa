package dev.oslo4j.messaging;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oslo4j.messaging.wire.Json;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * A {@link Serializer} converting entities with a Jackson {@link ObjectMapper} (oslo's
 * {@code JsonPayloadSerializer}, in Java's terms). Contexts are left as they are.
 *
 * <pre>{@code
 * ObjectMapper mine = JsonMapper.builder().addModule(new JavaTimeModule())
 *         .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
 * RpcClient client = RpcClient.builder(transport, target).serializer(JacksonSerializer.of(mine)).build();
 * }</pre>
 *
 * <p>Only the mapper's data binding is used (modules, naming strategies, date formats, inclusion rules); the
 * JSON text is always written by oslo4j in Python's layout. Never enable default typing on a mapper that
 * reads bus data: it would let a message choose which Java class to instantiate.
 */
public final class JacksonSerializer implements Serializer {

    private static final JacksonSerializer DEFAULT = new JacksonSerializer(Json.mapper());

    private final ObjectMapper mapper;

    private JacksonSerializer(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** oslo4j's own mapping (what every client, server, notifier and listener uses unless told otherwise). */
    public static JacksonSerializer defaults() {
        return DEFAULT;
    }

    /** A serializer binding with {@code mapper}; the mapper must not be reconfigured afterwards. */
    public static JacksonSerializer of(ObjectMapper mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return mapper == Json.mapper() ? DEFAULT : new JacksonSerializer(mapper);
    }

    /** The mapper entities are bound with. */
    public ObjectMapper mapper() {
        return mapper;
    }

    @Override
    public Object serializeEntity(RequestContext context, Object entity) {
        if (this == DEFAULT || entity == null || entity instanceof JsonNode) {
            return entity; // the wire codec writes it with this very mapper: no intermediate tree
        }
        return mapper.valueToTree(entity);
    }

    @Override
    public Object deserializeEntity(RequestContext context, JsonNode primitive, Type type) {
        return convert(primitive, mapper.getTypeFactory().constructType(type));
    }

    /**
     * {@code primitive} bound to {@code type}.
     *
     * @throws IllegalArgumentException naming the type when it does not convert
     */
    public Object convert(JsonNode primitive, JavaType type) {
        if (primitive == null || JsonNode.class.isAssignableFrom(type.getRawClass()) && type.isTypeOrSuperTypeOf(primitive.getClass())) {
            return primitive;
        }
        try {
            return mapper.treeToValue(primitive, type);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return this == DEFAULT ? "JacksonSerializer(defaults)" : "JacksonSerializer(" + mapper + ")";
    }
}
