package dev.oslo4j.conformance.python;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An exception a Python peer's call raised, as the peer described it. For an exception oslo rebuilt
 * from a remote failure, {@code className}/{@code module} are the remote ones (the {@code _Remote}
 * suffix removed, {@code rebuilt} true); for {@code oslo_messaging.RemoteError} (a module not
 * allowed or not importable) {@code excType}/{@code value}/{@code traceback} hold what the failure
 * carried.
 *
 * @param className the exception class name
 * @param module    the exception's Python module
 * @param message   {@code str(exception)} (for rebuilt exceptions: message, newline, remote traceback)
 * @param firstLine the first line of {@code message}
 * @param args      the exception's args
 * @param kwargs    the exception's kwargs ({} when it has none)
 * @param rebuilt   whether oslo rebuilt it as {@code <class>_Remote}
 * @param excType   RemoteError only: the remote class name
 * @param value     RemoteError only: the remote message
 * @param traceback RemoteError only: the remote traceback lines
 * @param raw       the whole JSON description
 */
public record PeerError(String className, String module, String message, String firstLine, JsonNode args,
                        JsonNode kwargs, boolean rebuilt, String excType, String value, JsonNode traceback,
                        JsonNode raw) {

    static PeerError of(JsonNode error) {
        return new PeerError(error.path("class").asText(), error.path("module").asText(),
                error.path("message").asText(), error.path("first_line").asText(), error.path("args"),
                error.path("kwargs"), error.path("rebuilt").asBoolean(false), text(error, "exc_type"),
                text(error, "value"), error.path("traceback"), error);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** {@code module.class}, e.g. {@code builtins.ValueError}. */
    public String qualifiedName() {
        return module + "." + className;
    }

    @Override
    public String toString() {
        return qualifiedName() + ": " + firstLine;
    }
}
