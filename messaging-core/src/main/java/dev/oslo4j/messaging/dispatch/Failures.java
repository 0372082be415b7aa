package dev.oslo4j.messaging.dispatch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oslo4j.messaging.OsloFailure;
import dev.oslo4j.messaging.RemoteError;
import dev.oslo4j.messaging.wire.Failure;
import dev.oslo4j.messaging.wire.Json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts between Java exceptions and oslo's failure format, both ways.
 *
 * <p>Java → wire: an {@link OsloFailure} travels with exactly its module, class, args and kwargs; any other
 * exception travels truthfully as its Java package (module) and class name, its message, {@code args =
 * [message]}, and its stack trace (with causes) as the traceback. Wire → Java: always a {@link RemoteError};
 * mapping to other types is the caller's explicit allow-list, never reflection on the remote class name.
 */
public final class Failures {

    private static final int MAX_TRACE_LINES = 200;

    private Failures() {
    }

    /** The failure a server sends for {@code error}. */
    public static Failure toFailure(Throwable error) {
        if (error instanceof OsloFailure f) {
            List<String> tb = error instanceof RemoteError r && !r.traceback().isEmpty() ? r.traceback() : trace(error);
            String message = error instanceof RemoteError r ? r.value() : error.getMessage();
            return new Failure(f.failureClass(), f.failureModule(), message, tb, toArray(f.failureArgs()),
                    toObject(f.failureKwargs()));
        }
        Class<?> c = error.getClass();
        String pkg = c.getPackageName();
        String name = pkg.isEmpty() ? c.getName() : c.getName().substring(pkg.length() + 1);
        String message = error.getMessage() == null ? "" : error.getMessage();
        List<Object> args = error.getMessage() == null ? List.of() : List.of(error.getMessage());
        return new Failure(name, pkg.isEmpty() ? "__main__" : pkg, message, trace(error), toArray(args), null);
    }

    /** The {@link RemoteError} a client raises for a received failure. */
    public static RemoteError toRemoteError(Failure failure) {
        @SuppressWarnings("unchecked")
        List<Object> args = Json.mapper().convertValue(failure.args(), List.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> kwargs = Json.mapper().convertValue(failure.kwargs(), LinkedHashMap.class);
        String module = "exceptions".equals(failure.module()) ? "builtins" : failure.module();
        return RemoteError.builder(module, failure.exceptionClass())
                .message(failure.message())
                .traceback(failure.traceback())
                .args(args == null ? List.of() : args)
                .kwargs(kwargs == null ? Map.of() : kwargs)
                .build();
    }

    private static ArrayNode toArray(List<Object> values) {
        return values == null ? JsonNodeFactory.instance.arrayNode() : Json.mapper().valueToTree(values);
    }

    private static ObjectNode toObject(Map<String, Object> values) {
        return values == null ? JsonNodeFactory.instance.objectNode() : Json.mapper().valueToTree(values);
    }

    /** Java stack trace lines (each ending in a newline), causes included, capped. */
    static List<String> trace(Throwable error) {
        List<String> lines = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Throwable t = error;
        String prefix = "";
        while (t != null && seen.add(t) && lines.size() < MAX_TRACE_LINES) {
            lines.add(prefix + t + "\n");
            for (StackTraceElement e : t.getStackTrace()) {
                if (lines.size() >= MAX_TRACE_LINES) {
                    lines.add("\t...\n");
                    break;
                }
                lines.add("\tat " + e + "\n");
            }
            t = t.getCause();
            prefix = "Caused by: ";
        }
        return lines;
    }
}
