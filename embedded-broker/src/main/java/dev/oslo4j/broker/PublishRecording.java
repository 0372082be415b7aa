package dev.oslo4j.broker;

/**
 * A registered {@link PublishListener}; closing it stops the notifications. Idempotent.
 */
public interface PublishRecording extends AutoCloseable {

    /** The virtual host the listener watches, as it was given to {@link EmbeddedBroker#onPublish}. */
    String virtualHost();

    @Override
    void close();
}
