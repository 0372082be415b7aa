package dev.oslo4j.messaging.wire;

/**
 * A received message cannot be understood (not JSON, unsupported envelope version, wrong field types, …).
 * The message says why; consumers log it once and reject the message without requeueing.
 */
public class MalformedMessage extends Exception {

    public MalformedMessage(String reason) {
        super(reason);
    }

    public MalformedMessage(String reason, Throwable cause) {
        super(reason, cause);
    }
}
