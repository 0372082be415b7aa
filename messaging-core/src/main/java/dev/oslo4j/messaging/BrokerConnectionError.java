package dev.oslo4j.messaging;

/**
 * No connection to any broker host of the transport URL could be established (unreachable host, refused
 * credentials, unknown virtual host, TLS failure). The message lists each host tried and why it failed,
 * never a password.
 */
public class BrokerConnectionError extends MessagingException {

    public BrokerConnectionError(String message, Throwable cause) {
        super(message, cause);
    }
}
