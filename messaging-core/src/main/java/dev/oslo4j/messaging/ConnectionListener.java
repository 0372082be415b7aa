package dev.oslo4j.messaging;

/**
 * Receives a transport's {@link ConnectionEvent}s ({@link Transport#addConnectionListener}). Called on oslo4j's
 * connection threads: return quickly and do not block; an exception is logged and ignored.
 */
@FunctionalInterface
public interface ConnectionListener {

    void onConnectionEvent(ConnectionEvent event);
}
