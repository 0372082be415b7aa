package dev.oslo4j.messaging.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oslo4j.messaging.RequestContext;
import dev.oslo4j.messaging.RpcParam;
import dev.oslo4j.messaging.Serializer;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * One endpoint method, prepared once: a method handle bound to the endpoint instance, and per parameter its
 * keyword name and a Jackson reader for its declared type. Binding follows Python's keyword rules: every
 * argument must name a parameter, every parameter must be given (except {@link java.util.Optional} ones).
 */
final class MethodInvoker {

    private final String name;
    private final MethodCall call;
    private final boolean takesContext;
    private final JsonParameter[] params;

    MethodInvoker(Object endpoint, Method method, Serializer serializer) {
        this.name = method.getName();
        this.call = new MethodCall(endpoint, method);
        Parameter[] declared = method.getParameters();
        this.takesContext = declared.length > 0 && declared[0].getType() == RequestContext.class;
        int first = takesContext ? 1 : 0;
        params = new JsonParameter[declared.length - first];
        for (int i = 0; i < params.length; i++) {
            Parameter p = declared[i + first];
            RpcParam named = p.getAnnotation(RpcParam.class);
            if (named == null && !p.isNamePresent()) {
                throw new IllegalArgumentException("cannot bind RPC arguments of " + method
                        + ": compile with -parameters or annotate parameters with @RpcParam");
            }
            params[i] = new JsonParameter(named != null ? named.value() : p.getName(), p.getParameterizedType(),
                    serializer);
        }
    }

    Object invoke(RequestContext context, ObjectNode args) throws Exception {
        Object[] values = new Object[params.length + (takesContext ? 1 : 0)];
        int pos = 0;
        if (takesContext) {
            values[pos++] = context;
        }
        int matched = 0;
        List<String> missing = null;
        for (JsonParameter p : params) {
            JsonNode node = args.get(p.name());
            if (node == null) {
                if (p.isOptional()) {
                    values[pos++] = p.absent();
                    continue;
                }
                if (missing == null) {
                    missing = new ArrayList<>();
                }
                missing.add(p.name());
                pos++;
                continue;
            }
            matched++;
            values[pos++] = p.convert(context, node, name);
        }
        if (matched < args.size()) {
            throw DispatchError.typeError(name + "() got an unexpected keyword argument '" + firstUnknown(args) + "'");
        }
        if (missing != null) {
            throw DispatchError.typeError(name + "() missing " + missing.size() + " required keyword argument"
                    + (missing.size() == 1 ? "" : "s") + ": '" + String.join("', '", missing) + "'");
        }
        return call.invoke(values);
    }

    private String firstUnknown(ObjectNode args) {
        Iterator<String> it = args.fieldNames();
        while (it.hasNext()) {
            String k = it.next();
            boolean known = false;
            for (JsonParameter p : params) {
                if (p.name().equals(k)) {
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
}
