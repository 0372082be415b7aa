package dev.oslo4j.messaging.dispatch;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.oslo4j.messaging.wire.Json;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Optional;

/**
 * One endpoint parameter fed from JSON: its name (for messages) and a Jackson reader for its declared type,
 * prepared once. {@link JsonNode} parameters get the node as is; {@link Optional} parameters are optional; JSON
 * {@code null} becomes Java {@code null} for reference types. Shared by RPC and notification dispatch.
 */
final class JsonParameter {

    private final String name;
    private final ObjectReader reader;
    private final boolean optional;
    private final boolean rawJson;

    JsonParameter(String name, Type declared) {
        this.name = name;
        JavaType type = Json.mapper().getTypeFactory().constructType(declared);
        this.optional = type.getRawClass() == Optional.class;
        if (optional) {
            type = type.containedTypeCount() == 1 ? type.containedType(0)
                    : Json.mapper().getTypeFactory().constructType(Object.class);
        }
        this.rawJson = JsonNode.class.isAssignableFrom(type.getRawClass());
        this.reader = Json.mapper().readerFor(type);
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
    Object convert(JsonNode node, String method) {
        Object v = read(node, method);
        return optional ? Optional.ofNullable(v) : v;
    }

    private Object read(JsonNode node, String method) {
        if (rawJson) {
            return node;
        }
        if (node.isNull() && !reader.getValueType().isPrimitive()) {
            return null;
        }
        try {
            return reader.readValue(node);
        } catch (IOException | IllegalArgumentException e) {
            String type = reader.getValueType().toCanonical();
            throw DispatchError.typeError("argument '" + name + "' of " + method + "() must be convertible to "
                    + type + ": " + firstLine(e.getMessage()));
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
