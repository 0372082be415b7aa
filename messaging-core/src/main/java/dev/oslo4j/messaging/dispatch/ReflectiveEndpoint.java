package dev.oslo4j.messaging.dispatch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oslo4j.messaging.RequestContext;
import dev.oslo4j.messaging.RpcEndpoint;
import dev.oslo4j.messaging.Serializer;
import dev.oslo4j.messaging.Target;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A plain object endpoint: its public instance methods (declared by its class or superclasses, not by
 * {@link Object}) are the RPC methods, looked up by name; names starting with {@code _} are never exposed;
 * {@code target()} is the endpoint's target, not a method. Overloaded names are rejected up front since RPC
 * looks methods up by name only.
 */
final class ReflectiveEndpoint implements Endpoint {

    private final Object endpoint;
    private final Target target;
    private final Map<String, MethodInvoker> methods;

    ReflectiveEndpoint(Object endpoint, Serializer serializer) {
        this.endpoint = endpoint;
        this.target = targetOf(endpoint);
        Map<String, MethodInvoker> found = new HashMap<>();
        Map<String, Method> seen = new HashMap<>();
        for (Method m : endpoint.getClass().getMethods()) {
            if (m.getDeclaringClass() == Object.class || Modifier.isStatic(m.getModifiers()) || m.isBridge()
                    || m.isSynthetic() || m.getName().startsWith("_") || isTargetAccessor(m)) {
                continue;
            }
            Method previous = seen.put(m.getName(), m);
            if (previous != null) {
                throw new IllegalArgumentException("endpoint " + describe() + " has several public methods named '"
                        + m.getName() + "'; RPC methods are looked up by name, so names must be unique");
            }
            found.put(m.getName(), new MethodInvoker(endpoint, m, serializer));
        }
        this.methods = Map.copyOf(found);
    }

    private static boolean isTargetAccessor(Method m) {
        return m.getName().equals("target") && m.getParameterCount() == 0 && m.getReturnType() == Target.class;
    }

    static Target targetOf(Object endpoint) {
        try {
            Method m = endpoint.getClass().getMethod("target");
            if (m.getReturnType() == Target.class && !Modifier.isStatic(m.getModifiers())) {
                Target t = (Target) m.invoke(endpoint);
                if (t != null) {
                    return t;
                }
            }
        } catch (NoSuchMethodException e) {
            // no target() method: fall through to the annotation
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("target() of endpoint " + endpoint.getClass().getName()
                    + " failed: " + e.getCause(), e);
        }
        RpcEndpoint a = endpoint.getClass().getAnnotation(RpcEndpoint.class);
        if (a == null) {
            return Target.builder().build();
        }
        return Target.builder()
                .namespace(a.namespace().isEmpty() ? null : a.namespace())
                .version(a.version().isEmpty() ? null : a.version())
                .legacyNamespaces(List.copyOf(Arrays.asList(a.legacyNamespaces())))
                .build();
    }

    @Override
    public Target target() {
        return target;
    }

    @Override
    public boolean hasMethod(String method) {
        return methods.containsKey(method);
    }

    @Override
    public Object invoke(RequestContext context, String method, ObjectNode args) throws Exception {
        return methods.get(method).invoke(context, args);
    }

    @Override
    public String describe() {
        return endpoint.getClass().getName();
    }
}
