package dev.oslo4j.messaging.driver.rabbit;

/**
 * The connection (or its channel) went away before an operation completed: the operation may be retried on
 * the next connection, per the caller's retry policy.
 */
final class ConnectionLost extends RuntimeException {

    ConnectionLost(String message) {
        super(message, null, false, false);
    }

    ConnectionLost(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
