package dev.oslo4j.messaging.driver.rabbit;

/** A mandatory publish was returned by the broker (no queue bound for its routing key). */
final class Unroutable extends RuntimeException {

    Unroutable(String message) {
        super(message, null, false, false);
    }
}
