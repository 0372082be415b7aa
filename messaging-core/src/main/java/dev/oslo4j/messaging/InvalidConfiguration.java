package dev.oslo4j.messaging;

/** A configuration option (from {@link MessagingOptions} or a transport URL query) is unknown or invalid. */
public class InvalidConfiguration extends MessagingException {

    public InvalidConfiguration(String message) {
        super(message);
    }

    public InvalidConfiguration(String message, Throwable cause) {
        super(message, cause);
    }
}
