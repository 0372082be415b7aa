package dev.oslo4j.messaging.dispatch;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import dev.oslo4j.messaging.JacksonSerializer;
import dev.oslo4j.messaging.RequestContext;
import dev.oslo4j.messaging.Serializer;
import dev.oslo4j.messaging.wire.Json;

import java.lang.reflect.Type;
import java.util.Optional;

/**
 * One endpoint parameter fed from JSON: its name (for messages) and its declared type, converted by the
 * configured {@link Serializer} (oslo's {@code deserialize_entity}), prepared once. {@link JsonNode} parameters
 * get the node as is; {@link Optional} parameters are optional; JSON {@code null} becomes Java {@code null} for
 * reference types. Shared by RPC and notification dispatch.
 */
final class JsonParameter {

    private final String name;
    private final Serializer serializer;
    /** The value type (inside {@code Optional}), as the serializer's mapper sees it when it has one. */
    private final JavaType type;
    private final Type declared;
    private final boolean optional;
    private final boolean rawJson;

    JsonParameter(String name, Type declared, Serializer serializer) {
        this.name = name;
        this.serializer = serializer;
        com.fasterxml.jackson.databind.type.TypeFactory types = serializer instanceof JacksonSerializer j
                ? j.mapper().getTypeFactory() : Json.mapper().getTypeFactory();
        JavaType t = types.constructType(declared);
        this.optional = t.getRawClass() == Optional.class;
        Type value = declared;
        if (optional) {
            t = t.containedTypeCount() == 1 ? t.containedType(0) : types.constructType(Object.class);
            value = declared instanceof java.lang.reflect.ParameterizedType p
                    ? p.getActualTypeArguments()[0] : Object.class;
        }
        this.type = t;
        this.declared = value;
        this.rawJson = JsonNode.class.isAssignableFrom(t.getRawClass());
    }

    String name() {
        return name;
    }

    boolean isOptional() {
        return optional;
    }

    /** The value for an absent argument of an optional parameter. */
    Object absent() {
        return Optional.empty();
    }

    /**
     * Converts {@code node} to the declared type (wrapped in {@link Optional} for optional parameters).
     *
     * @throws DispatchError ({@code TypeError}) naming the parameter, the method and the type when it does not convert
     */
    Object convert(RequestContext context, JsonNode node, String method) {
        Object v = read(context, node, method);
        return optional ? Optional.ofNullable(v) : v;
    }

    private Object read(RequestContext context, JsonNode node, String method) {
        if (rawJson) {
            return node;
        }
        if (node.isNull() && !type.isPrimitive()) {
            return null;
        }
        try {
            return serializer instanceof JacksonSerializer j ? j.convert(node, type)
                    : serializer.deserializeEntity(context, node, declared);
        } catch (IllegalArgumentException e) {
            throw DispatchError.typeError("argument '" + name + "' of " + method + "() must be convertible to "
                    + type.toCanonical() + ": " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
