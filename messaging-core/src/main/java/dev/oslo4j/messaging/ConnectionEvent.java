package dev.oslo4j.messaging;

import java.time.Instant;
import java.util.Objects;

/**
 * A change of a transport's connection to the broker. A transport has up to two AMQP connections, as oslo:
 * {@code send} (publishing) and {@code listen} (reply queue, servers, listeners; opened on first use); each
 * reports its own events.
 *
 * @param type       what happened
 * @param connection {@code send} or {@code listen}
 * @param host       {@code host:port} connected to (for LOST: the one that was lost)
 * @param previous   for FAILED_OVER, the host before; otherwise null
 * @param reason     for LOST, why (the broker's close reason or the I/O error); otherwise null. Never a password.
 * @param at         when it was noticed
 */
public record ConnectionEvent(Type type, String connection, String host, String previous, String reason, Instant at) {

    public ConnectionEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(at, "at");
    }

    public enum Type {
        /** First connection (when the transport opens, or the listen connection on first use). */
        CONNECTED,
        /** The connection went away (broker restart, network, missed heartbeats); reconnection starts. */
        LOST,
        /** Reconnected to the same host after a loss; consumers are declared and consuming again. */
        RECOVERED,
        /** Reconnected after a loss to another host of the URL. */
        FAILED_OVER
    }
}
