package dev.oslo4j.messaging.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * oslo's failure description (docs/wire-protocol.md §6.1), carried as a JSON <em>string</em> in a reply's {@code failure} field:
 * {@code {"class", "module", "message", "tb": [lines], "args": [...], "kwargs": {...}}}.
 *
 * @param exceptionClass the exception class name
 * @param module         its module ({@code builtins} for Python built-ins)
 * @param message        {@code str(exception)}
 * @param traceback      traceback lines (each usually ending in a newline)
 * @param args           positional constructor args (a JSON array)
 * @param kwargs         keyword constructor args (a JSON object)
 */
public record Failure(String exceptionClass, String module, String message, List<String> traceback,
                      ArrayNode args, ObjectNode kwargs) {

    private static final String REMOTE_SUFFIX = "_Remote";

    public Failure {
        Objects.requireNonNull(exceptionClass, "exceptionClass");
        Objects.requireNonNull(module, "module");
        message = message == null ? "" : message;
        traceback = traceback == null ? List.of() : List.copyOf(traceback);
        args = args == null ? JsonNodeFactory.instance.arrayNode() : args;
        kwargs = kwargs == null ? JsonNodeFactory.instance.objectNode() : kwargs;
        // a re-raised remote exception travels under its original name, as oslo strips the suffix
        if (exceptionClass.endsWith(REMOTE_SUFFIX) && module.endsWith(REMOTE_SUFFIX)) {
            exceptionClass = exceptionClass.substring(0, exceptionClass.length() - REMOTE_SUFFIX.length());
            module = module.substring(0, module.length() - REMOTE_SUFFIX.length());
        }
    }

    /** The JSON text that goes into a reply's {@code failure} field (Python layout). */
    public String toJson() {
        return InnerWriter.json(g -> {
            g.writeStringField("class", exceptionClass);
            g.writeStringField("module", module);
            g.writeStringField("message", message);
            g.writeArrayFieldStart("tb");
            for (String line : traceback) {
                g.writeString(line);
            }
            g.writeEndArray();
            g.writeFieldName("args");
            g.writeTree(args);
            g.writeFieldName("kwargs");
            g.writeTree(kwargs);
        });
    }

    /**
     * Parses a reply's {@code failure} text. Missing fields get oslo-like defaults; a non-JSON text becomes a
     * failure of class {@code UnparsableFailure} holding the raw text, so the caller still sees what came.
     */
    public static Failure parse(String text) {
        JsonNode n;
        try {
            n = Json.parse(text);
        } catch (IOException e) {
            n = null;
        }
        if (!(n instanceof ObjectNode o)) {
            return new Failure("UnparsableFailure", "oslo4j", text, List.of(), null, null);
        }
        List<String> tb = new ArrayList<>();
        JsonNode tbNode = o.get("tb");
        if (tbNode != null && tbNode.isArray()) {
            tbNode.forEach(line -> tb.add(line.isTextual() ? line.textValue() : line.toString()));
        } else if (tbNode != null && tbNode.isTextual()) {
            tb.add(tbNode.textValue());
        }
        JsonNode args = o.get("args");
        JsonNode kwargs = o.get("kwargs");
        return new Failure(textOr(o, "class", "Exception"), textOr(o, "module", "builtins"),
                textOr(o, "message", ""), tb, args instanceof ArrayNode a ? a : null,
                kwargs instanceof ObjectNode k ? k : null);
    }

    private static String textOr(ObjectNode o, String key, String dflt) {
        JsonNode n = o.get(key);
        return n == null || n.isNull() ? dflt : n.isTextual() ? n.textValue() : n.toString();
    }
}
