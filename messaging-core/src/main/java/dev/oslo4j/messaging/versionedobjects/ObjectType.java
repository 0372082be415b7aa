package dev.oslo4j.messaging.versionedobjects;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One registered Java type seen as a versioned object, introspected once: name, version, namespace, its fields
 * in declaration order, where its changes are kept, and how to build an instance.
 */
final class ObjectType {

    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+");

    /** One object field: the Python name, the Java type, and how to read it. */
    record FieldSpec(String name, Type type, Class<?> rawType, boolean nullable, Accessor accessor) {
        Object zero() {
            return rawType.isPrimitive() ? Array.get(Array.newInstance(rawType, 1), 0) : null;
        }
    }

    @FunctionalInterface
    interface Accessor {
        Object get(Object instance) throws ReflectiveOperationException;
    }

    private final Class<?> javaType;
    private final String name;
    private final String version;
    private final String namespace;
    private final List<FieldSpec> fields;
    /** Position of the {@link ObjectChanges} slot among all members (-1: none). */
    private final int changesSlot;
    private final Accessor changes;
    private final Constructor<?> recordConstructor;
    private final Constructor<?> noArgConstructor;
    private final List<Field> classFields;

    private ObjectType(Class<?> javaType, VersionedObject a) {
        this.javaType = javaType;
        this.name = a.name().isEmpty() ? javaType.getSimpleName() : a.name();
        this.version = a.version();
        this.namespace = a.namespace();
        if (!VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("@VersionedObject " + javaType.getName() + ": version must be \"X.Y\","
                    + " got \"" + version + "\"");
        }
        List<FieldSpec> specs = new ArrayList<>();
        int slot = -1;
        Accessor changesAccessor = null;
        try {
            if (javaType.isRecord()) {
                RecordComponent[] components = javaType.getRecordComponents();
                Class<?>[] types = new Class<?>[components.length];
                for (int i = 0; i < components.length; i++) {
                    RecordComponent c = components[i];
                    types[i] = c.getType();
                    c.getAccessor().setAccessible(true);
                    Accessor get = c.getAccessor()::invoke;
                    if (c.isAnnotationPresent(ObjectChanges.class)) {
                        slot = checkChangesSlot(slot, i, c.getGenericType(), c.getName());
                        changesAccessor = get;
                    } else {
                        specs.add(spec(c, c.getName(), c.getGenericType(), c.getType(), get));
                    }
                }
                this.recordConstructor = javaType.getDeclaredConstructor(types);
                recordConstructor.setAccessible(true);
                this.noArgConstructor = null;
                this.classFields = List.of();
            } else {
                List<Field> members = new ArrayList<>();
                for (Class<?> c = javaType; c != null && c != Object.class; c = c.getSuperclass()) {
                    for (Field f : c.getDeclaredFields()) {
                        int m = f.getModifiers();
                        if (!Modifier.isStatic(m) && !Modifier.isTransient(m) && !f.isSynthetic()) {
                            members.add(f);
                        }
                    }
                }
                for (int i = 0; i < members.size(); i++) {
                    Field f = members.get(i);
                    f.setAccessible(true);
                    Accessor get = f::get;
                    if (f.isAnnotationPresent(ObjectChanges.class)) {
                        slot = checkChangesSlot(slot, i, f.getGenericType(), f.getName());
                        changesAccessor = get;
                    } else {
                        specs.add(spec(f, f.getName(), f.getGenericType(), f.getType(), get));
                    }
                }
                this.recordConstructor = null;
                this.noArgConstructor = javaType.getDeclaredConstructor();
                noArgConstructor.setAccessible(true);
                this.classFields = List.copyOf(members);
            }
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("@VersionedObject " + javaType.getName() + " must be a record or have a"
                    + " no-argument constructor", e);
        } catch (RuntimeException e) { // InaccessibleObjectException, SecurityException
            throw new IllegalArgumentException("@VersionedObject " + javaType.getName() + " is not accessible: "
                    + e.getMessage(), e);
        }
        this.fields = List.copyOf(specs);
        this.changesSlot = slot;
        this.changes = changesAccessor;
    }

    static ObjectType of(Class<?> javaType) {
        VersionedObject a = javaType.getAnnotation(VersionedObject.class);
        if (a == null) {
            throw new IllegalArgumentException(javaType.getName() + " is not annotated @VersionedObject");
        }
        return new ObjectType(javaType, a);
    }

    private static FieldSpec spec(AnnotatedElement e, String javaName, Type type, Class<?> raw, Accessor get) {
        ObjectField f = e.getAnnotation(ObjectField.class);
        String name = f == null || f.value().isEmpty() ? javaName : f.value();
        return new FieldSpec(name, type, raw, f != null && f.nullable(), get);
    }

    private int checkChangesSlot(int previous, int slot, Type type, String member) {
        if (previous >= 0) {
            throw new IllegalArgumentException("@VersionedObject " + javaType.getName()
                    + " has more than one @ObjectChanges member");
        }
        if (!(type instanceof ParameterizedType p) || !Collection.class.isAssignableFrom((Class<?>) p.getRawType())
                || p.getActualTypeArguments()[0] != String.class) {
            throw new IllegalArgumentException("@ObjectChanges " + javaType.getName() + "." + member
                    + " must be a Set<String> or List<String>");
        }
        return slot;
    }

    Class<?> javaType() {
        return javaType;
    }

    String name() {
        return name;
    }

    String version() {
        return version;
    }

    String namespace() {
        return namespace;
    }

    List<FieldSpec> fields() {
        return fields;
    }

    /** The field values of {@code instance}, in {@link #fields()} order. */
    Object[] read(Object instance) {
        Object[] values = new Object[fields.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = get(fields.get(i).accessor(), instance);
        }
        return values;
    }

    /** The changed fields kept by {@code instance}; null when it keeps none. */
    Collection<?> changes(Object instance) {
        return changes == null ? null : (Collection<?>) get(changes, instance);
    }

    /**
     * A new instance from field values in {@link #fields()} order (null: unset) and the changes (used only when
     * the type has an {@link ObjectChanges} member, which gets a {@code Set} or {@code List} as declared).
     */
    Object create(Object[] values, Collection<String> changed) {
        Object[] all = new Object[values.length + (changesSlot >= 0 ? 1 : 0)];
        for (int i = 0, v = 0; i < all.length; i++) {
            if (i == changesSlot) {
                all[i] = List.class.isAssignableFrom(changesType()) ? List.copyOf(changed)
                        : java.util.Set.copyOf(changed);
            } else {
                FieldSpec f = fields.get(v);
                all[i] = values[v] != null ? values[v] : f.zero();
                v++;
            }
        }
        try {
            if (recordConstructor != null) {
                return recordConstructor.newInstance(all);
            }
            Object o = noArgConstructor.newInstance();
            for (int i = 0; i < all.length; i++) {
                classFields.get(i).set(o, all[i]);
            }
            return o;
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("cannot build " + javaType.getName() + " from object " + name + ": "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot build " + javaType.getName() + ": " + e, e);
        }
    }

    /** The declared type of the {@link ObjectChanges} member (null without one). */
    private Class<?> changesType() {
        if (changesSlot < 0) {
            return null;
        }
        return recordConstructor != null ? recordConstructor.getParameterTypes()[changesSlot]
                : classFields.get(changesSlot).getType();
    }

    private Object get(Accessor accessor, Object instance) {
        try {
            return accessor.get(instance);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("cannot read a field of " + javaType.getName() + ": " + e.getCause(),
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot read a field of " + javaType.getName() + ": " + e, e);
        }
    }

    @Override
    public String toString() {
        return namespace + "." + name + " " + version + " (" + javaType.getName() + ")";
    }
}
