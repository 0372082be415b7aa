package dev.oslo4j.messaging;

/**
 * A message could not be handed to the broker: the broker refused it (publisher-confirm nack, channel error),
 * or the connection could not be (re)established within the allowed retries.
 */
public class MessageDeliveryFailure extends MessagingException {

    public MessageDeliveryFailure(String message) {
        super(message);
    }

    public MessageDeliveryFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
