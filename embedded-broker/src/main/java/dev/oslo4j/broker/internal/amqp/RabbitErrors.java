package dev.oslo4j.broker.internal.amqp;

/**
 * Where and how RabbitMQ reports the errors Broker-J reports differently: the reply code, the level
 * (channel or connection) and RabbitMQ's text convention ({@code "NOT_FOUND - …"}). Every translation of a
 * Broker-J error lives here.
 */
final class RabbitErrors {

    static final int CONNECTION_FORCED = 320;
    static final int ACCESS_REFUSED = 403;
    static final int NOT_FOUND = 404;
    static final int RESOURCE_LOCKED = 405;
    static final int PRECONDITION_FAILED = 406;
    static final int NOT_ALLOWED = 530;
    static final int NOT_IMPLEMENTED = 540;

    // Broker-J's codes that have no RabbitMQ meaning of their own.
    private static final int QPID_ALREADY_EXISTS = 405;
    private static final int QPID_ARGUMENT_INVALID = 409;
    private static final int QPID_INVALID_ARGUMENT = 542;

    /** A reply code plus text, as RabbitMQ would send it. */
    record Error(int code, String text) {
    }

    private RabbitErrors() {
    }

    static String text(int code, String detail) {
        return name(code) + " - " + detail;
    }

    static String name(int code) {
        return switch (code) {
            case CONNECTION_FORCED -> "CONNECTION_FORCED";
            case ACCESS_REFUSED -> "ACCESS_REFUSED";
            case NOT_FOUND -> "NOT_FOUND";
            case RESOURCE_LOCKED -> "RESOURCE_LOCKED";
            case PRECONDITION_FAILED -> "PRECONDITION_FAILED";
            case NOT_ALLOWED -> "NOT_ALLOWED";
            case NOT_IMPLEMENTED -> "NOT_IMPLEMENTED";
            case 312 -> "NO_ROUTE";
            case 311 -> "CONTENT_TOO_LARGE";
            case 501 -> "FRAME_ERROR";
            case 502 -> "SYNTAX_ERROR";
            case 503 -> "COMMAND_INVALID";
            case 504 -> "CHANNEL_ERROR";
            case 505 -> "UNEXPECTED_FRAME";
            case 506 -> "RESOURCE_ERROR";
            case 541 -> "INTERNAL_ERROR";
            default -> "ERROR";
        };
    }

    /**
     * RabbitMQ's view of an error Broker-J raises on a channel's behalf as a connection close; null when
     * RabbitMQ too closes the connection (framing, command and consumer-tag errors, among others).
     */
    static Error asChannelError(int code, String text) {
        String t = text == null ? "" : text;
        return switch (code) {
            case NOT_FOUND -> new Error(NOT_FOUND, text(NOT_FOUND, t));
            case ACCESS_REFUSED -> t.contains("incompatible exclusivity") || t.contains("exclusive")
                    && !t.contains("exclusive consumer")
                    ? new Error(RESOURCE_LOCKED, text(RESOURCE_LOCKED, t))
                    : new Error(ACCESS_REFUSED, text(ACCESS_REFUSED, t));
            case QPID_ARGUMENT_INVALID, QPID_INVALID_ARGUMENT -> new Error(PRECONDITION_FAILED, text(PRECONDITION_FAILED, t));
            case NOT_ALLOWED -> notAllowed(t);
            default -> null;
        };
    }

    private static Error notAllowed(String t) {
        if (t.startsWith("Non-unique consumer tag")) {
            return null;
        }
        if (t.startsWith("Attempt to redeclare")) {
            return new Error(PRECONDITION_FAILED, text(PRECONDITION_FAILED, t));
        }
        if (t.contains("is exclusive, but not created on this Connection") || t.contains("exclusive consumer")) {
            return new Error(RESOURCE_LOCKED, text(RESOURCE_LOCKED, t));
        }
        if (t.contains("reserved prefix") || t.contains("efault exchange") || t.contains("cannot be deleted")) {
            return new Error(ACCESS_REFUSED, text(ACCESS_REFUSED, t));
        }
        return new Error(PRECONDITION_FAILED, text(PRECONDITION_FAILED, t));
    }

    /** RabbitMQ's code for a channel close Broker-J sends with its own code (e.g. 405 lifetime mismatch). */
    static Error onChannel(int code, String text) {
        String t = text == null ? "" : text;
        if (code == QPID_ALREADY_EXISTS && t.contains("lifetime policy")) {
            return new Error(PRECONDITION_FAILED, text(PRECONDITION_FAILED, t));
        }
        if (code == NOT_ALLOWED) {
            Error e = notAllowed(t);
            return e == null ? new Error(code, t) : e;
        }
        return new Error(code, t.contains(" - ") ? t : text(code, t));
    }

    /** RabbitMQ's view of a connection-level error Broker-J raises before any channel exists. */
    static Error onConnection(int code, String text, String mechanism) {
        String t = text == null ? "" : text;
        if (code == NOT_ALLOWED && t.equals("Authentication failed")) {
            // RabbitMQ (authentication_failure_close) closes with 403, which clients report as an
            // authentication failure rather than a generic connection error.
            return new Error(ACCESS_REFUSED, text(ACCESS_REFUSED, "Login was refused using authentication mechanism "
                    + (mechanism == null ? "PLAIN" : mechanism) + ". For details see the broker logfile."));
        }
        if (code == NOT_FOUND && t.startsWith("Unknown virtual host")) {
            String vhost = t.replaceFirst("^Unknown virtual host: '(.*)'$", "$1");
            return new Error(NOT_ALLOWED, text(NOT_ALLOWED, "vhost " + vhost + " not found"));
        }
        return new Error(code, t);
    }
}
