package dev.oslo4j.messaging.dispatch;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;

/**
 * An endpoint method prepared once for repeated calls: a method handle bound to the endpoint instance, taking
 * its arguments as one {@code Object[]}. Shared by RPC and notification dispatch.
 */
final class MethodCall {

    private final MethodHandle handle;

    MethodCall(Object endpoint, Method method) {
        try {
            method.setAccessible(true);
            this.handle = MethodHandles.lookup().unreflect(method).bindTo(endpoint)
                    .asSpreader(Object[].class, method.getParameterCount())
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (IllegalAccessException | RuntimeException e) {
            throw new IllegalArgumentException("endpoint method " + method + " is not accessible: " + e.getMessage(), e);
        }
    }

    /** Runs the method; whatever it throws propagates unchanged. */
    Object invoke(Object[] arguments) throws Exception {
        try {
            return (Object) handle.invokeExact(arguments);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
