package dev.oslo4j.messaging.versionedobjects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oslo4j.messaging.JacksonSerializer;
import dev.oslo4j.messaging.RequestContext;
import dev.oslo4j.messaging.Serializer;

import java.lang.reflect.Array;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * oslo.versionedobjects' {@code VersionedObjectSerializer} for Java: {@link VersionedObject} types travel as
 * {@code {"<ns>.name", "<ns>.namespace", "<ns>.version", "<ns>.data"[, "<ns>.changes"]}} primitives, exactly as
 * Python's {@code obj_to_primitive()} writes them and {@code obj_from_primitive()} reads them; objects inside
 * lists, sets, arrays and maps are converted too; every other value is left to a {@link JacksonSerializer}.
 *
 * <pre>{@code
 * VersionedObjectSerializer objects = VersionedObjectSerializer.builder()
 *         .serialNamespace("nova_object")          // nova's OBJ_SERIAL_NAMESPACE
 *         .register(Instance.class, Flavor.class)  // objects their fields refer to are registered too
 *         .build();
 * RpcServer.builder(transport, target).endpoint(new Compute()).serializer(objects).build();
 * }</pre>
 *
 * <p>Received objects are hydrated into the declared Java type of the endpoint parameter (or call result); a
 * parameter declared {@code Object} gets the registered type the primitive names, as Python does. A primitive
 * never chooses a Java class outside the registry. An unknown name or namespace raises
 * {@link UnsupportedObjectError}; another major version, or a newer minor version than the Java type implements,
 * raises {@link IncompatibleObjectVersion} (oslo4j cannot ask for a backport). Objects are always sent in the
 * version their Java type implements. Thread-safe once built.
 */
public final class VersionedObjectSerializer implements Serializer {

    private final String serialNamespace;
    private final ObjectRegistry registry;
    private final JacksonSerializer values;
    private final ObjectMapper mapper;

    private VersionedObjectSerializer(Builder b) {
        this.serialNamespace = b.serialNamespace;
        this.registry = b.registry;
        this.values = b.values;
        this.mapper = b.values.mapper();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The prefix of the primitive's keys ({@code OBJ_SERIAL_NAMESPACE}). */
    public String serialNamespace() {
        return serialNamespace;
    }

    /**
     * {@code object}'s primitive ({@code obj_to_primitive()}).
     *
     * @throws IllegalArgumentException when its class is not registered or a field cannot be serialized
     */
    public ObjectNode toPrimitive(Object object) {
        ObjectType t = registry.forClass(Objects.requireNonNull(object, "object").getClass());
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        Object[] fieldValues = t.read(object);
        for (int i = 0; i < fieldValues.length; i++) {
            ObjectType.FieldSpec f = t.fields().get(i);
            if (fieldValues[i] != null || f.nullable()) {
                data.set(f.name(), toJson(fieldValues[i], t, f.name()));
            }
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put(key("name"), t.name());
        out.put(key("namespace"), t.namespace());
        out.put(key("version"), t.version());
        out.set(key("data"), data);
        Collection<?> kept = t.changes(object);
        ArrayNode changes = out.arrayNode();
        for (ObjectType.FieldSpec f : t.fields()) {
            if (data.has(f.name()) && (kept == null || kept.contains(f.name()))) {
                changes.add(f.name());
            }
        }
        if (!changes.isEmpty()) {
            out.set(key("changes"), changes);
        }
        return out;
    }

    /**
     * The object {@code primitive} describes, as {@code type} ({@code obj_from_primitive()}).
     *
     * @throws UnsupportedObjectError    no registered type has its name and namespace
     * @throws IncompatibleObjectVersion its version is not readable by the registered type
     * @throws IllegalArgumentException  it is not a versioned-object primitive, not a {@code type}, or a field
     *                                   does not convert
     */
    public <T> T fromPrimitive(JsonNode primitive, Class<T> type) {
        return type.cast(hydrate(primitive, type));
    }

    /** oslo's {@code serialize_entity}: objects (also inside collections and maps) become primitives. */
    @Override
    public Object serializeEntity(RequestContext context, Object entity) {
        return entity == null ? null : toJson(entity, null, null);
    }

    /** oslo's {@code deserialize_entity}, guided by the declared {@code type}. */
    @Override
    public Object deserializeEntity(RequestContext context, JsonNode primitive, Type type) {
        return fromJson(primitive, type, "value");
    }

    private String key(String field) {
        return serialNamespace + "." + field;
    }

    private JsonNode toJson(Object value, ObjectType owner, String field) {
        if (value == null) {
            return NullNode.instance;
        }
        if (value instanceof JsonNode n) {
            return n;
        }
        Class<?> c = value.getClass();
        if (c.isAnnotationPresent(VersionedObject.class)) {
            return toPrimitive(value);
        }
        if (OsloDateTime.handles(c)) {
            return JsonNodeFactory.instance.textNode(OsloDateTime.write(value));
        }
        if (value instanceof Collection<?> items) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode(items.size());
            items.forEach(item -> a.add(toJson(item, owner, field)));
            return a;
        }
        if (c.isArray() && c != byte[].class) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < Array.getLength(value); i++) {
                a.add(toJson(Array.get(value, i), owner, field));
            }
            return a;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            map.forEach((k, v) -> o.set(String.valueOf(k), toJson(v, owner, field)));
            return o;
        }
        try {
            return mapper.valueToTree(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException((owner == null ? "" : "field " + field + " of object " + owner.name()
                    + ": ") + c.getName() + " is not serializable: " + e.getMessage(), e);
        }
    }

    private Object fromJson(JsonNode node, Type type, String where) {
        if (node == null || node.isNull()) {
            return null;
        }
        Class<?> raw = rawClass(type);
        if (JsonNode.class.isAssignableFrom(raw)) {
            return node;
        }
        if (raw == Object.class) {
            return untyped(node);
        }
        if (raw.isAnnotationPresent(VersionedObject.class)) {
            return hydrate(node, raw);
        }
        if (OsloDateTime.handles(raw)) {
            if (!node.isTextual()) {
                throw new IllegalArgumentException(where + ": expected an ISO 8601 date-time string, got " + node);
            }
            return OsloDateTime.read(node.textValue(), raw);
        }
        if (Collection.class.isAssignableFrom(raw) && (raw.isAssignableFrom(ArrayList.class)
                || raw.isAssignableFrom(LinkedHashSet.class))) {
            if (!node.isArray()) {
                throw new IllegalArgumentException(where + ": expected a list, got " + node.getNodeType());
            }
            Collection<Object> out = raw.isAssignableFrom(ArrayList.class) ? new ArrayList<>() : new LinkedHashSet<>();
            Type element = typeArgument(type, 0);
            int i = 0;
            for (JsonNode item : node) {
                out.add(fromJson(item, element, where + "[" + i++ + "]"));
            }
            return out;
        }
        if (raw.isAssignableFrom(LinkedHashMap.class) && Map.class.isAssignableFrom(raw)) {
            if (!node.isObject()) {
                throw new IllegalArgumentException(where + ": expected a dict, got " + node.getNodeType());
            }
            Map<String, Object> out = new LinkedHashMap<>();
            Type value = typeArgument(type, 1);
            node.fields().forEachRemaining(e -> out.put(e.getKey(), fromJson(e.getValue(), value,
                    where + "[" + e.getKey() + "]")));
            return out;
        }
        return values.convert(node, mapper.getTypeFactory().constructType(type));
    }

    /** A value of undeclared type: objects are hydrated wherever they are, as Python's serializer does. */
    private Object untyped(JsonNode node) {
        if (node.isObject() && node.has(key("name"))) {
            return hydrate(node, null);
        }
        if (node.isObject()) {
            Map<String, Object> out = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> out.put(e.getKey(), untyped(e.getValue())));
            return out;
        }
        if (node.isArray()) {
            List<Object> out = new ArrayList<>(node.size());
            node.forEach(item -> out.add(untyped(item)));
            return out;
        }
        return values.convert(node, mapper.getTypeFactory().constructType(Object.class));
    }

    private Object hydrate(JsonNode node, Class<?> expected) {
        String what = expected == null ? "a versioned object" : "object " + expected.getSimpleName();
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(what + ": expected a versioned-object primitive, got "
                    + (node == null ? "nothing" : node.getNodeType()));
        }
        ObjectType t = registry.resolve(text(node, "namespace", what), text(node, "name", what),
                text(node, "version", what));
        if (expected != null && !expected.isAssignableFrom(t.javaType())) {
            throw new IllegalArgumentException("expected object " + expected.getName() + ", got " + t);
        }
        JsonNode data = node.get(key("data"));
        if (data == null || !data.isObject()) {
            throw new IllegalArgumentException("object " + t.name() + ": \"" + key("data") + "\" must be a dict");
        }
        Object[] fieldValues = new Object[t.fields().size()];
        Set<String> known = new LinkedHashSet<>();
        for (int i = 0; i < fieldValues.length; i++) {
            ObjectType.FieldSpec f = t.fields().get(i);
            known.add(f.name());
            fieldValues[i] = fromJson(data.get(f.name()), f.type(), "field " + f.name() + " of object " + t.name());
        }
        List<String> changed = new ArrayList<>();
        JsonNode changes = node.get(key("changes"));
        if (changes != null && changes.isArray()) {
            for (Iterator<JsonNode> it = changes.elements(); it.hasNext(); ) {
                String name = it.next().asText();
                if (known.contains(name) && !changed.contains(name)) {
                    changed.add(name);
                }
            }
        }
        return t.create(fieldValues, changed);
    }

    private String text(JsonNode primitive, String field, String what) {
        JsonNode v = primitive.get(key(field));
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException(what + ": not a versioned-object primitive (\"" + key(field)
                    + "\" is " + (v == null ? "missing" : v) + ")");
        }
        return v.textValue();
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof GenericArrayType) {
            return Object[].class;
        }
        if (type instanceof WildcardType w) {
            return rawClass(w.getUpperBounds()[0]);
        }
        return Object.class; // a type variable: nothing declared
    }

    private static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            return p.getActualTypeArguments()[index];
        }
        return Object.class;
    }

    @Override
    public String toString() {
        return "VersionedObjectSerializer(" + serialNamespace + ", " + registry.registered() + ")";
    }

    /** Builder of {@link VersionedObjectSerializer}. */
    public static final class Builder {
        private String serialNamespace = "versioned_object";
        private ObjectRegistry registry = new ObjectRegistry();
        private JacksonSerializer values = JacksonSerializer.defaults();

        private Builder() {
        }

        /**
         * The key prefix of primitives ({@code OBJ_SERIAL_NAMESPACE}): {@code nova_object}, {@code cinder_object},
         * … (default {@code versioned_object}, oslo's base class).
         */
        public Builder serialNamespace(String serialNamespace) {
            if (serialNamespace == null || serialNamespace.isEmpty()) {
                throw new IllegalArgumentException("serial namespace must not be empty");
            }
            this.serialNamespace = serialNamespace;
            return this;
        }

        /**
         * Registers {@link VersionedObject} types (and those their fields refer to).
         *
         * @throws IllegalArgumentException for a type without the annotation, with a malformed version, without a
         *     usable constructor, or whose namespace and name another type already has
         */
        public Builder register(Class<?>... types) {
            if (registry == null) {
                throw new IllegalStateException("build() was called: a serializer's registry does not change");
            }
            for (Class<?> t : types) {
                registry.register(Objects.requireNonNull(t, "type"));
            }
            return this;
        }

        /** How values that are not objects are (de)serialized; default {@link JacksonSerializer#defaults()}. */
        public Builder values(JacksonSerializer values) {
            this.values = Objects.requireNonNull(values, "values");
            return this;
        }

        /** The serializer; this builder cannot register more types afterwards. */
        public VersionedObjectSerializer build() {
            if (registry == null) {
                throw new IllegalStateException("build() was already called");
            }
            VersionedObjectSerializer s = new VersionedObjectSerializer(this);
            registry = null;
            return s;
        }
    }
}
