package dev.oslo4j.messaging.dispatch;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oslo4j.messaging.RequestContext;
import dev.oslo4j.messaging.RpcParam;
import dev.oslo4j.messaging.wire.Json;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * One endpoint method, prepared once: a method handle bound to the endpoint instance, and per parameter its
 * keyword name and a Jackson reader for its declared type. Binding follows Python's keyword rules: every
 * argument must name a parameter, every parameter must be given (except {@link Optional} ones).
 */
final class MethodInvoker {

    private final String name;
    private final MethodHandle handle;
    private final boolean takesContext;
    private final String[] names;
    private final ObjectReader[] readers;
    private final boolean[] optional;
    private final boolean[] rawJson;

    MethodInvoker(Object endpoint, Method method) {
        this.name = method.getName();
        try {
            method.setAccessible(true);
            this.handle = MethodHandles.lookup().unreflect(method).bindTo(endpoint)
                    .asSpreader(Object[].class, method.getParameterCount())
                    .asType(java.lang.invoke.MethodType.methodType(Object.class, Object[].class));
        } catch (IllegalAccessException | RuntimeException e) {
            throw new IllegalArgumentException("endpoint method " + method + " is not accessible: " + e.getMessage(), e);
        }
        Parameter[] params = method.getParameters();
        this.takesContext = params.length > 0 && params[0].getType() == RequestContext.class;
        int first = takesContext ? 1 : 0;
        int n = params.length - first;
        names = new String[n];
        readers = new ObjectReader[n];
        optional = new boolean[n];
        rawJson = new boolean[n];
        for (int i = 0; i < n; i++) {
            Parameter p = params[i + first];
            RpcParam named = p.getAnnotation(RpcParam.class);
            if (named == null && !p.isNamePresent()) {
                throw new IllegalArgumentException("cannot bind RPC arguments of " + method
                        + ": compile with -parameters or annotate parameters with @RpcParam");
            }
            names[i] = named != null ? named.value() : p.getName();
            JavaType type = Json.mapper().getTypeFactory().constructType(p.getParameterizedType());
            optional[i] = type.getRawClass() == Optional.class;
            if (optional[i]) {
                type = type.containedTypeCount() == 1 ? type.containedType(0)
                        : Json.mapper().getTypeFactory().constructType(Object.class);
            }
            rawJson[i] = JsonNode.class.isAssignableFrom(type.getRawClass());
            readers[i] = Json.mapper().readerFor(type);
        }
    }

    Object invoke(RequestContext context, ObjectNode args) throws Exception {
        Object[] values = new Object[names.length + (takesContext ? 1 : 0)];
        int pos = 0;
        if (takesContext) {
            values[pos++] = context;
        }
        int matched = 0;
        List<String> missing = null;
        for (int i = 0; i < names.length; i++) {
            JsonNode node = args.get(names[i]);
            if (node == null) {
                if (optional[i]) {
                    values[pos++] = Optional.empty();
                    continue;
                }
                if (missing == null) {
                    missing = new ArrayList<>();
                }
                missing.add(names[i]);
                pos++;
                continue;
            }
            matched++;
            Object v = convert(i, node);
            values[pos++] = optional[i] ? Optional.ofNullable(v) : v;
        }
        if (matched < args.size()) {
            throw DispatchError.typeError(name + "() got an unexpected keyword argument '" + firstUnknown(args) + "'");
        }
        if (missing != null) {
            throw DispatchError.typeError(name + "() missing " + missing.size() + " required keyword argument"
                    + (missing.size() == 1 ? "" : "s") + ": '" + String.join("', '", missing) + "'");
        }
        try {
            return (Object) handle.invokeExact(values);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private Object convert(int i, JsonNode node) {
        if (rawJson[i]) {
            return node;
        }
        if (node.isNull() && !readers[i].getValueType().isPrimitive()) {
            return null;
        }
        try {
            return readers[i].readValue(node);
        } catch (IOException | IllegalArgumentException e) {
            String type = readers[i].getValueType().toCanonical();
            throw DispatchError.typeError("argument '" + names[i] + "' of " + name + "() must be convertible to "
                    + type + ": " + firstLine(e.getMessage()));
        }
    }

    private String firstUnknown(ObjectNode args) {
        Iterator<String> it = args.fieldNames();
        while (it.hasNext()) {
            String k = it.next();
            boolean known = false;
            for (String n : names) {
                if (n.equals(k)) {
                    known = true;
                    break;
                }
            }
            if (!known) {
                return k;
            }
        }
        return "?";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
