package dev.oslo4j.messaging;

/**
 * A transport URL does not follow the oslo grammar. The message names the field at fault; the URL inside it
 * has its passwords masked.
 */
public class InvalidTransportURL extends InvalidConfiguration {

    public InvalidTransportURL(String message) {
        super(message);
    }
}
