package dev.oslo4j.messaging.driver.rabbit;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The common life of a listener's channel: declare its topology and consume (on start and after each
 * reconnection), re-do both when the broker cancels a consumer (queue deleted) or closes the channel with an
 * error (retried with back-off), stop (cancel consumers), close (and delete per-instance queues).
 */
abstract class ConsumerChannel implements ConnectionSupervisor.Recovery, dev.oslo4j.messaging.driver.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerChannel.class);

    protected final ConnectionSupervisor supervisor;
    protected final ScheduledExecutorService timer;
    protected volatile Channel channel;
    private final List<String> consumerTags = new ArrayList<>();
    private volatile boolean stopped;
    private volatile boolean closed;
    /** Null while consuming; otherwise why not (see {@link #inactiveReason()}). */
    private volatile String inactive = "not started";
    private long retryDelayMs = 1_000;

    ConsumerChannel(ConnectionSupervisor supervisor, ScheduledExecutorService timer) {
        this.supervisor = supervisor;
        this.timer = timer;
    }

    /** Declares exchanges, queues and bindings (with oslo 16.x's durable fallback). */
    protected abstract void declare(Declarer declarer) throws IOException;

    /** Starts consumers on {@code ch} (the declarer's channel); returns the consumer tags. */
    protected abstract List<String> consume(Channel ch) throws IOException;

    /** Deletes this listener's per-instance queues on {@code ch} (default: none). */
    protected void deleteOwnQueues(Channel ch) throws IOException {
    }

    protected abstract String describe();

    void start() throws IOException {
        supervisor.addRecovery(this);
    }

    @Override
    public final synchronized void onConnected(Connection connection) throws IOException {
        if (stopped) {
            return;
        }
        Declarer declarer = new Declarer(connection);
        try {
            declare(declarer);
        } catch (IOException | RuntimeException e) {
            Declarer.closeQuietly(declarer.channel());
            throw e;
        }
        Channel ch = declarer.channel();
        ch.addShutdownListener(sig -> channelClosed(ch, sig));
        consumerTags.clear();
        channel = ch;
        consumerTags.addAll(consume(ch));
        retryDelayMs = 1_000;
        inactive = null;
    }

    /** Called by consumers when the broker cancelled them (e.g. their queue was deleted). */
    protected void consumerCancelled(String tag) {
        if (stopped) {
            return;
        }
        LOG.warn("{}: the broker cancelled consumer {}; re-declaring", describe(), tag);
        inactive = "the broker cancelled consumer " + tag + " (its queue was deleted?); re-declaring";
        rebuildLater(0);
    }

    private void channelClosed(Channel ch, ShutdownSignalException sig) {
        if (stopped || sig.isInitiatedByApplication() || sig.isHardError() || ch != channel) {
            return; // connection loss is handled by the supervisor's recovery
        }
        LOG.error("{}: the broker closed the channel: {}; retrying in {} ms", describe(),
                ConnectionSupervisor.reason(sig), retryDelayMs);
        inactive = "the broker closed the channel: " + ConnectionSupervisor.reason(sig);
        rebuildLater(retryDelayMs);
        retryDelayMs = Math.min(retryDelayMs * 2, 30_000);
    }

    private void rebuildLater(long delayMs) {
        timer.schedule(() -> {
            if (stopped) {
                return;
            }
            try {
                Channel old = channel;
                if (old != null && old.isOpen()) {
                    old.close();
                }
            } catch (IOException | java.util.concurrent.TimeoutException | RuntimeException ignored) {
                // replaced below
            }
            try {
                onConnected(supervisor.current());
            } catch (IOException | RuntimeException e) {
                LOG.warn("{}: could not re-declare: {} (retried on reconnection)", describe(), e.toString());
            }
        }, delayMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        inactive = "stopped";
        supervisor.removeRecovery(this);
        Channel ch = channel;
        if (ch != null && ch.isOpen()) {
            for (String tag : consumerTags) {
                try {
                    ch.basicCancel(tag);
                } catch (IOException | RuntimeException e) {
                    LOG.debug("{}: cancel of consumer {} failed: {}", describe(), tag, e.toString());
                }
            }
        }
    }

    @Override
    public synchronized void close() {
        stop();
        if (closed) {
            return;
        }
        closed = true;
        Channel ch = channel;
        if (supervisor.isClosed()) {
            return; // the transport closed first: the connection is gone, per-instance queues expire by themselves
        }
        try {
            if (ch == null || !ch.isOpen()) {
                ch = supervisor.current().createChannel(); // the old channel died: use a fresh one to clean up
            }
            deleteOwnQueues(ch);
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: could not delete its queues (they expire by themselves): {}", describe(), e.toString());
        }
        try {
            if (ch != null && ch.isOpen()) {
                ch.close();
            }
        } catch (IOException | java.util.concurrent.TimeoutException | RuntimeException e) {
            LOG.debug("{}: channel close failed: {}", describe(), e.toString());
        }
    }

    @Override
    public String inactiveReason() {
        String why = inactive;
        if (why != null) {
            return why;
        }
        Channel ch = channel;
        return ch == null || !ch.isOpen() ? "connection to the broker lost; consumers resume on reconnection" : null;
    }

    protected boolean isStopped() {
        return stopped;
    }
}
