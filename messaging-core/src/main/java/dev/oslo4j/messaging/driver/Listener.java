package dev.oslo4j.messaging.driver;

/** A running consumer started by a {@link Driver}. */
public interface Listener extends AutoCloseable {

    /**
     * Stops receiving new messages (consumers cancelled). Already delivered notifications can still be settled.
     * Idempotent.
     */
    void stop();

    /**
     * Null while every consumer is active; otherwise why not (not started, stopped, cancelled by the broker,
     * connection lost). Drivers without consumers report null.
     */
    default String inactiveReason() {
        return null;
    }

    /** Stops, then deletes this listener's own transient queues (the RPC fanout queue). Idempotent. */
    @Override
    void close();
}
