package dev.oslo4j.messaging;

/**
 * What a notification endpoint method returns (oslo's {@code NotificationResult}). A {@code null} (or
 * {@code void}) return means {@link #HANDLED}; an exception thrown by the endpoint means {@link #REQUEUE}, as
 * in oslo.
 */
public enum NotificationResult {
    /** Processed: acknowledge. */
    HANDLED("handled"),
    /**
     * Not processed: redeliver (possibly to another listener) when the listener was built with
     * {@code allowRequeue(true)}; otherwise it is acknowledged anyway, as oslo does.
     */
    REQUEUE("requeue");

    private final String pythonValue;

    NotificationResult(String pythonValue) {
        this.pythonValue = pythonValue;
    }

    /** Python's value: {@code "handled"} or {@code "requeue"}. */
    public String pythonValue() {
        return pythonValue;
    }
}
