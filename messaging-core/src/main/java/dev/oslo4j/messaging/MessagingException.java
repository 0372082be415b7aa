package dev.oslo4j.messaging;

/**
 * Base of every exception oslo4j raises, mirroring {@code oslo_messaging.MessagingException}.
 *
 * <p>Messages name the thing at fault (option, URL field, target, method) and never contain a password.
 */
public class MessagingException extends RuntimeException {

    public MessagingException(String message) {
        super(message);
    }

    public MessagingException(String message, Throwable cause) {
        super(message, cause);
    }
}
