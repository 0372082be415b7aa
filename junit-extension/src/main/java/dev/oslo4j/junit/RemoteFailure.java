package dev.oslo4j.junit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Objects;

/**
 * A failure as a server replied it (oslo's serialized remote exception, docs/wire-protocol.md §5.2).
 *
 * @param exceptionClass the Python exception class name, e.g. {@code NoValidHost}
 * @param module         its Python module, e.g. {@code nova.exception}
 * @param message        the exception's message
 * @param traceback      the remote traceback lines
 * @param args           the exception's positional args
 * @param kwargs         the exception's keyword args
 */
public record RemoteFailure(String exceptionClass, String module, String message, List<String> traceback,
                            ArrayNode args, ObjectNode kwargs) {

    public RemoteFailure {
        Objects.requireNonNull(exceptionClass, "exceptionClass");
        Objects.requireNonNull(module, "module");
        message = message == null ? "" : message;
        traceback = traceback == null ? List.of() : List.copyOf(traceback);
        args = args == null ? JsonNodeFactory.instance.arrayNode() : args.deepCopy();
        kwargs = kwargs == null ? JsonNodeFactory.instance.objectNode() : kwargs.deepCopy();
    }

    /** A copy: records stay as recorded. */
    @Override
    public ArrayNode args() {
        return args.deepCopy();
    }

    /** A copy: records stay as recorded. */
    @Override
    public ObjectNode kwargs() {
        return kwargs.deepCopy();
    }
}
