package dev.oslo4j.junit.internal;

import java.util.function.Consumer;

/**
 * One test's private view of a broker: an empty virtual host nobody else uses, recorded from its first message.
 * Closing it removes everything the test left there.
 */
public interface Isolation extends AutoCloseable {

    /** {@code rabbit://user:password@host:port/<vhost>}, without options. */
    String transportUrl();

    /** The virtual host name, for messages. */
    String virtualHost();

    /** Starts handing every message published to this view to {@code sink}, unroutable ones included. */
    void startRecording(Consumer<RawPublish> sink);

    /**
     * Returns once every message published before the call (and confirmed to its publisher) has been handed to the
     * recording sink.
     */
    void awaitRecorded();

    /** Closes every client connection of this view abruptly (the broker's 320 CONNECTION_FORCED). */
    void dropConnections();

    /** Restarts the broker as this test sees it, without disturbing other tests; or aborts the test saying why. */
    void restartBroker();

    @Override
    void close();
}
