package dev.oslo4j.messaging.driver;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The connection state a driver reports and a {@link dev.oslo4j.messaging.Transport} exposes: which of the
 * driver's named connections are up and to which host, and the listeners told of every change. Drivers call
 * {@link #connected} and {@link #lost}; the event type (first connection, recovery, failover) is derived here.
 */
public final class ConnectionState {

    /** What happened to a connection. */
    public enum Kind {
        CONNECTED, LOST, RECOVERED, FAILED_OVER
    }

    /**
     * One change, as the API's {@code ConnectionEvent} reports it.
     *
     * @param previous for FAILED_OVER, the host before; otherwise null
     * @param reason   for LOST, why; otherwise null
     */
    public record Change(Kind kind, String connection, String host, String previous, String reason, Instant at) {
    }

    /** Told of every change, on the driver's connection threads. */
    @FunctionalInterface
    public interface Listener {
        void changed(Change change);
    }

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionState.class);

    /** The connection whose host {@link #host()} reports. */
    public static final String SEND = "send";
    public static final String LISTEN = "listen";

    private record Entry(String host, boolean up) {
    }

    /** For drivers without connections (in-memory): always connected, never an event. */
    public static final ConnectionState UNTRACKED = new ConnectionState(false);

    private final Map<String, Entry> connections = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final boolean tracked;
    private volatile boolean closed;

    public ConnectionState() {
        this(true);
    }

    private ConnectionState(boolean tracked) {
        this.tracked = tracked;
    }

    /** A connection (re)connected to {@code host} ({@code host:port}). */
    public void connected(String connection, String host) {
        Entry before = connections.put(connection, new Entry(host, true));
        Kind kind = before == null ? Kind.CONNECTED : host.equals(before.host()) ? Kind.RECOVERED : Kind.FAILED_OVER;
        fire(new Change(kind, connection, host, kind == Kind.FAILED_OVER ? before.host() : null, null, Instant.now()));
    }

    /** A connection to {@code host} was lost; reconnection is under way. */
    public void lost(String connection, String host, String reason) {
        connections.put(connection, new Entry(host, false));
        fire(new Change(Kind.LOST, connection, host, null, reason, Instant.now()));
    }

    /** The transport closed: nothing is connected any more (no event: the application closed it). */
    public void closed() {
        closed = true;
    }

    /** Whether every connection opened so far is up (and the transport is open). */
    public boolean isConnected() {
        if (!tracked) {
            return true;
        }
        if (closed || connections.isEmpty()) {
            return false;
        }
        for (Entry e : connections.values()) {
            if (!e.up()) {
                return false;
            }
        }
        return true;
    }

    /** The host ({@code host:port}) the send connection is connected to; empty while it is down. */
    public Optional<String> host() {
        Entry e = connections.get(SEND);
        return e == null || !e.up() || closed ? Optional.empty() : Optional.of(e.host());
    }

    /** A description of what is down, for health checks; empty when connected. */
    public Optional<String> problem() {
        if (closed) {
            return Optional.of("transport is closed");
        }
        StringBuilder b = new StringBuilder();
        connections.forEach((name, e) -> {
            if (!e.up()) {
                b.append(b.length() == 0 ? "" : "; ").append(name).append(" connection to ").append(e.host())
                        .append(" lost, reconnecting");
            }
        });
        return b.length() == 0 ? Optional.empty() : Optional.of(b.toString());
    }

    public void addListener(Listener listener) {
        if (tracked) {
            listeners.add(listener);
        }
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    private void fire(Change change) {
        for (Listener l : listeners) {
            try {
                l.changed(change);
            } catch (RuntimeException e) {
                LOG.warn("connection listener {} failed on {}", l, change, e);
            }
        }
    }
}
