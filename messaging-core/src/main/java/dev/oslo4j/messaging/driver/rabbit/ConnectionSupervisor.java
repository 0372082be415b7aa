package dev.oslo4j.messaging.driver.rabbit;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import dev.oslo4j.messaging.BrokerConnectionError;
import dev.oslo4j.messaging.driver.BrokerHost;
import dev.oslo4j.messaging.driver.ConnectionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Keeps one logical AMQP connection alive: connects with failover across the URL's hosts, notices loss
 * (socket error, missed heartbeats, broker close), reconnects with oslo's schedule — after
 * {@code kombu_reconnect_delay}, a pass over all hosts, then a pause starting at {@code rabbit_retry_interval} growing by {@code rabbit_retry_backoff} up to
 * {@code rabbit_interval_max} — and then lets each registered {@link Recovery} re-declare and re-consume.
 */
final class ConnectionSupervisor {

    /** Something that must be (re)built on each new connection: consumers, channels. */
    interface Recovery {
        void onConnected(Connection connection) throws IOException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionSupervisor.class);

    private final String name;
    private final String role;
    private final ConnectionState state;
    private final RabbitConnector connector;
    private final RabbitOptions options;
    private final List<Recovery> recoveries = new CopyOnWriteArrayList<>();
    private final List<Waiter> waiters = new ArrayList<>();
    private volatile Connection connection;
    private volatile boolean closed;
    private Thread reconnector;

    private record Waiter(CompletableFuture<Connection> future, int budget, int[] failures) {
    }

    /**
     * @param role  {@link ConnectionState#SEND} or {@link ConnectionState#LISTEN}: how {@code state} names it
     */
    ConnectionSupervisor(String name, String role, ConnectionState state, RabbitConnector connector,
                         RabbitOptions options) {
        this.name = name;
        this.role = role;
        this.state = state;
        this.connector = connector;
        this.options = options;
    }

    /** Connects now, trying each host once; fails with an explanation per host. */
    void start() {
        List<String> reasons = new ArrayList<>();
        Exception last = null;
        for (BrokerHost h : connector.nextPass()) {
            try {
                install(connector.connect(h, name));
                return;
            } catch (IOException | RuntimeException e) {
                connector.failed(h);
                reasons.add(connector.explain(h, e));
                last = e;
            }
        }
        throw new BrokerConnectionError("cannot connect to the broker: " + String.join("; ", reasons), last);
    }

    private void install(Connection c) {
        c.addShutdownListener(cause -> onShutdown(c, cause));
        connection = c;
        state.connected(role, describe(c));
        if (!c.isOpen()) {
            onShutdown(c, c.getCloseReason());
        }
    }

    /** The current open connection. */
    Connection current() {
        Connection c = connection;
        if (c == null || !c.isOpen()) {
            throw new ConnectionLost(closed ? "transport is closed" : "connection to the broker is down; reconnecting");
        }
        return c;
    }

    boolean isClosed() {
        return closed;
    }

    /** Registers a recovery and runs it now if connected. */
    void addRecovery(Recovery r) throws IOException {
        recoveries.add(r);
        Connection c = connection;
        if (c != null && c.isOpen()) {
            r.onConnected(c);
        }
    }

    void removeRecovery(Recovery r) {
        recoveries.remove(r);
    }

    /**
     * Completes with an open connection; fails once {@code maxFailedPasses} further reconnection passes failed
     * (-1: never gives up) or when the supervisor is closed.
     */
    CompletableFuture<Connection> awaitConnected(int maxFailedPasses) {
        CompletableFuture<Connection> f = new CompletableFuture<>();
        synchronized (waiters) {
            Connection c = connection;
            if (closed) {
                f.completeExceptionally(new ConnectionLost("transport is closed"));
            } else if (c != null && c.isOpen()) {
                f.complete(c);
            } else if (maxFailedPasses == 0) {
                f.completeExceptionally(new ConnectionLost("connection to the broker is down and no retry is allowed"));
            } else {
                waiters.add(new Waiter(f, maxFailedPasses, new int[1]));
            }
        }
        return f;
    }

    private void onShutdown(Connection c, ShutdownSignalException cause) {
        if (closed || c != connection || (cause != null && cause.isInitiatedByApplication())) {
            return;
        }
        LOG.warn("{}: connection to {} lost ({}); reconnecting", name, describe(c), reason(cause));
        state.lost(role, describe(c), reason(cause));
        synchronized (this) {
            if (reconnector != null && reconnector.isAlive()) {
                return;
            }
            reconnector = new Thread(this::reconnectLoop, "oslo4j-reconnect-" + name);
            reconnector.setDaemon(true);
            reconnector.start();
        }
    }

    private void reconnectLoop() {
        // oslo's kombu_reconnect_delay once per loss, plus 16.x's random kombu_reconnect_splay
        double splay = options.kombuReconnectSplay() > 0
                ? java.util.concurrent.ThreadLocalRandom.current().nextDouble(options.kombuReconnectSplay()) : 0;
        sleep(Math.round((options.kombuReconnectDelay() + splay) * 1000));
        long pause = TimeUnit.SECONDS.toMillis(options.rabbitRetryInterval());
        while (!closed) {
            List<String> reasons = new ArrayList<>();
            for (BrokerHost h : connector.nextPass()) {
                if (closed) {
                    return;
                }
                try {
                    Connection c = connector.connect(h, name);
                    connection = c;
                    c.addShutdownListener(cause -> onShutdown(c, cause));
                    LOG.info("{}: reconnected to {}", name, h.address());
                    recover(c);
                    if (!c.isOpen()) {
                        continue;
                    }
                    releaseWaiters(c);
                    state.connected(role, describe(c));
                    return;
                } catch (IOException | RuntimeException e) {
                    connector.failed(h);
                    reasons.add(connector.explain(h, e));
                }
            }
            LOG.warn("{}: reconnection pass failed ({}); next attempt in {} ms", name, String.join("; ", reasons), pause);
            failWaitersOverBudget(String.join("; ", reasons));
            sleep(pause);
            pause = Math.min(pause + TimeUnit.SECONDS.toMillis(options.rabbitRetryBackoff()),
                    TimeUnit.SECONDS.toMillis(options.rabbitIntervalMax()));
        }
    }

    private void recover(Connection c) {
        for (Recovery r : recoveries) {
            try {
                r.onConnected(c);
            } catch (IOException | RuntimeException e) {
                LOG.error("{}: recovery step failed after reconnecting: {}", name, e.toString());
            }
        }
    }

    private void releaseWaiters(Connection c) {
        List<Waiter> ready;
        synchronized (waiters) {
            ready = new ArrayList<>(waiters);
            waiters.clear();
        }
        ready.forEach(w -> w.future().complete(c));
    }

    private void failWaitersOverBudget(String why) {
        List<Waiter> expired = new ArrayList<>();
        synchronized (waiters) {
            Iterator<Waiter> it = waiters.iterator();
            while (it.hasNext()) {
                Waiter w = it.next();
                w.failures()[0]++;
                if (w.budget() >= 0 && w.failures()[0] >= w.budget()) {
                    it.remove();
                    expired.add(w);
                }
            }
        }
        expired.forEach(w -> w.future().completeExceptionally(
                new ConnectionLost("broker unreachable after " + w.budget() + " reconnection attempts: " + why)));
    }

    private void sleep(long millis) {
        long deadline = System.currentTimeMillis() + millis;
        synchronized (this) {
            long left;
            while (!closed && (left = deadline - System.currentTimeMillis()) > 0) {
                try {
                    wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    void close() {
        closed = true;
        state.closed();
        synchronized (this) {
            notifyAll();
        }
        List<Waiter> pending;
        synchronized (waiters) {
            pending = new ArrayList<>(waiters);
            waiters.clear();
        }
        pending.forEach(w -> w.future().completeExceptionally(new ConnectionLost("transport is closed")));
        Connection c = connection;
        if (c != null && c.isOpen()) {
            try {
                c.close(1_000);
            } catch (IOException | RuntimeException e) {
                LOG.debug("{}: error while closing: {}", name, e.toString());
            }
        }
    }

    private static String describe(Connection c) {
        return c.getAddress().getHostAddress() + ":" + c.getPort();
    }

    static String reason(ShutdownSignalException s) {
        if (s == null) {
            return "unknown reason";
        }
        Object r = s.getReason();
        String text = r == null ? s.getMessage() : r.toString();
        if (s.getCause() != null) {
            text = text + " / " + s.getCause();
        }
        return text;
    }
}
