package dev.oslo4j.messaging.versionedobjects;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The registered object types, by Java class and by (namespace, name), and oslo's rules to pick one for a
 * received primitive ({@code VersionedObject.obj_from_primitive} / {@code obj_class_from_name} and the
 * serializer's acceptance of an {@code X.Y.Z} version as {@code X.Y}).
 */
final class ObjectRegistry {

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.\\d+)?");

    private final Map<Class<?>, ObjectType> byClass = new LinkedHashMap<>();
    private final Map<String, Map<String, ObjectType>> byNamespace = new LinkedHashMap<>();

    /** Registers {@code type} and, transitively, the object types its fields refer to. */
    void register(Class<?> type) {
        if (byClass.containsKey(type)) {
            return;
        }
        ObjectType t = ObjectType.of(type);
        ObjectType clash = byNamespace.computeIfAbsent(t.namespace(), k -> new LinkedHashMap<>()).get(t.name());
        if (clash != null) {
            throw new IllegalArgumentException("object " + t.namespace() + "." + t.name() + " is registered twice: "
                    + clash.javaType().getName() + " and " + type.getName());
        }
        byClass.put(type, t);
        byNamespace.get(t.namespace()).put(t.name(), t);
        for (ObjectType.FieldSpec f : t.fields()) {
            registerReferenced(f.type());
        }
    }

    private void registerReferenced(Type type) {
        if (type instanceof Class<?> c) {
            if (c.isArray()) {
                registerReferenced(c.getComponentType());
            } else if (c.isAnnotationPresent(VersionedObject.class)) {
                register(c);
            }
        } else if (type instanceof ParameterizedType p) {
            for (Type arg : p.getActualTypeArguments()) {
                registerReferenced(arg);
            }
        } else if (type instanceof GenericArrayType g) {
            registerReferenced(g.getGenericComponentType());
        }
    }

    /** @throws IllegalArgumentException when {@code type} was not registered */
    ObjectType forClass(Class<?> type) {
        ObjectType t = byClass.get(type);
        if (t == null) {
            throw new IllegalArgumentException(type.getName() + " is not registered with this serializer (registered: "
                    + registered() + ")");
        }
        return t;
    }

    /**
     * The type to hydrate {@code namespace.name} at {@code version} with.
     *
     * @throws UnsupportedObjectError    for an unknown namespace or name
     * @throws IncompatibleObjectVersion for another major version or a newer minor version than registered
     */
    ObjectType resolve(String namespace, String name, String version) {
        Map<String, ObjectType> names = byNamespace.get(namespace);
        if (names == null) {
            throw new UnsupportedObjectError(namespace + "." + name, registered());
        }
        ObjectType t = names.get(name);
        if (t == null) {
            throw new UnsupportedObjectError(name, registered());
        }
        Matcher received = VERSION.matcher(version);
        if (!received.matches()) {
            throw new IllegalArgumentException("object " + name + " has a malformed version \"" + version + "\"");
        }
        Matcher supported = VERSION.matcher(t.version());
        supported.matches();
        int major = Integer.parseInt(received.group(1));
        int minor = Integer.parseInt(received.group(2));
        if (major != Integer.parseInt(supported.group(1)) || minor > Integer.parseInt(supported.group(2))) {
            throw new IncompatibleObjectVersion(name, version, t.version(), t.javaType().getName());
        }
        return t;
    }

    /** For messages: every registered object, {@code namespace.name version}. */
    List<String> registered() {
        return byClass.values().stream().map(t -> t.namespace() + "." + t.name() + " " + t.version()).toList();
    }
}
