package dev.oslo4j.junit.internal;

/** The configured broker does not answer; the extension skips (or fails, when required) the test. */
public final class BrokerUnavailable extends RuntimeException {

    public BrokerUnavailable(String message) {
        super(message);
    }
}
