package dev.oslo4j.broker;

/**
 * The embedded broker could not do what was asked: start, bind its port, create or delete a virtual host,
 * restart. The message names the thing at fault (never a password).
 */
public class EmbeddedBrokerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EmbeddedBrokerException(String message) {
        super(message);
    }

    public EmbeddedBrokerException(String message, Throwable cause) {
        super(message, cause);
    }
}
