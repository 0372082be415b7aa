package dev.oslo4j.messaging;

/**
 * No final reply arrived within the call timeout, or the call-monitor timeout expired without a heartbeat
 * from the server (oslo's {@code MessagingTimeout}).
 */
public class MessagingTimeout extends MessagingException {

    public MessagingTimeout(String message) {
        super(message);
    }
}
