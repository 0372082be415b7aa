package dev.oslo4j.cli.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oslo4j.messaging.RemoteError;
import java.util.Iterator;
import java.util.List;

/**
 * Binds keyword arguments to a reference endpoint method the way Python does, failing with the
 * {@code builtins.TypeError} a Python server would send for a missing or unexpected argument.
 */
final class PythonArguments {
    private PythonArguments() {
    }

    /** Checks that {@code args} has exactly {@code names}; returns them in that order. */
    static JsonNode[] bind(String method, ObjectNode args, List<String> names) {
        Iterator<String> given = args.fieldNames();
        while (given.hasNext()) {
            String name = given.next();
            if (!names.contains(name)) {
                throw typeError(method + "() got an unexpected keyword argument '" + name + "'");
            }
        }
        List<String> missing = names.stream().filter(name -> !args.has(name)).toList();
        if (!missing.isEmpty()) {
            throw typeError(method + "() missing " + missing.size() + " required positional argument"
                    + (missing.size() == 1 ? "" : "s") + ": '" + String.join("' and '", missing) + "'");
        }
        return names.stream().map(args::get).toArray(JsonNode[]::new);
    }

    static RemoteError typeError(String message) {
        return RemoteError.builder("builtins", "TypeError").message(message).build();
    }
}
