package dev.oslo4j.messaging.driver.rabbit;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import dev.oslo4j.messaging.MessagingException;
import dev.oslo4j.messaging.wire.MalformedMessage;
import dev.oslo4j.messaging.wire.ReceivedReply;
import dev.oslo4j.messaging.wire.ReplyMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The transport's single reply queue {@code reply_<hex32>} or, with the queue manager,
 * {@code reply_<hostname>:<processname>:<n>} (declared non-durable, not auto-delete, with {@code x-expires}; docs/wire-protocol.md
 * §4.1; durable and quorum with {@code rabbit_transient_quorum_queue}), consumed on the listen connection. Each reply is acknowledged on receipt and
 * handed straight to the waiting call by {@code _msg_id}; replies nobody waits for (late, duplicate, or the
 * upstream heartbeat bug) are dropped. The queue is re-declared and re-consumed under the same name after a
 * reconnection or a consumer cancellation, so replies sent meanwhile are still matched.
 */
final class ReplyQueue implements ConnectionSupervisor.Recovery {

    private static final Logger LOG = LoggerFactory.getLogger(ReplyQueue.class);

    private final String name;
    private final Topology topology;
    private final int prefetch;
    private final ScheduledExecutorService timer;
    private final ScheduledExecutorService deadlines;
    private final ConcurrentHashMap<String, PendingCall> waiters = new ConcurrentHashMap<>();
    private volatile Channel channel;
    private volatile boolean closed;

    /**
     * @param timer     runs re-declarations, which wait on the broker
     * @param deadlines runs the calls' timeouts only ({@link CallDeadlines}), so no broker operation delays them
     */
    ReplyQueue(Topology topology, int prefetch, ScheduledExecutorService timer, ScheduledExecutorService deadlines) {
        this.name = topology.newReplyQueue();
        this.topology = topology;
        this.prefetch = prefetch;
        this.timer = timer;
        this.deadlines = deadlines;
    }

    String name() {
        return name;
    }

    /** Registers a call before its request is published. */
    PendingCall register(String msgId, long timeoutNanos, long monitorNanos) {
        PendingCall call = new PendingCall(msgId, timeoutNanos, monitorNanos);
        waiters.put(msgId, call);
        call.startTimers(deadlines, () -> waiters.remove(msgId, call));
        return call;
    }

    int waiting() {
        return waiters.size();
    }

    @Override
    public synchronized void onConnected(Connection connection) throws IOException {
        if (closed) {
            return;
        }
        Channel previous = channel;
        if (previous != null && previous.isOpen()) {
            try {
                previous.close(); // after a broker-side cancel the old channel is still open: do not leak it
            } catch (IOException | java.util.concurrent.TimeoutException | RuntimeException e) {
                LOG.debug("closing the previous reply channel failed: {}", e.toString());
            }
        }
        Declarer declarer = new Declarer(connection);
        try {
            declarer.queue(Topology.DEFAULT_EXCHANGE, null, false, false, name, topology.transientDurable(), false,
                    topology.transientQueueArgs(), name);
        } catch (IOException | RuntimeException e) {
            Declarer.closeQuietly(declarer.channel());
            throw e;
        }
        Channel ch = declarer.channel();
        if (prefetch > 0) {
            ch.basicQos(prefetch);
        }
        ch.basicConsume(name, false, "", false, false, topology.consumerArgs(), new Consumer(ch));
        channel = ch;
    }

    private final class Consumer extends DefaultConsumer {
        Consumer(Channel ch) {
            super(ch);
        }

        @Override
        public void handleDelivery(String tag, Envelope env, AMQP.BasicProperties props, byte[] body) throws IOException {
            ReceivedReply reply;
            try {
                JsonNode inner = InboundDecoder.decode(props, body);
                reply = ReplyMessages.decode(inner);
            } catch (MalformedMessage e) {
                InboundDecoder.logRejected(LOG, name, env, body.length, e.getMessage());
                getChannel().basicReject(env.getDeliveryTag(), false);
                return;
            }
            PendingCall call = reply.msgId() == null ? null : waiters.get(reply.msgId());
            if (call == null) {
                LOG.debug("dropped a reply for message ID {}: no call is waiting for it", reply.msgId());
            } else {
                call.onReply(reply); // wake the caller first: the ack is bookkeeping, not on its path
            }
            getChannel().basicAck(env.getDeliveryTag(), false);
        }

        @Override
        public void handleCancel(String consumerTag) {
            if (closed) {
                return;
            }
            LOG.warn("reply queue {} consumer was cancelled by the broker; re-declaring it", name);
            timer.execute(() -> {
                try {
                    onConnected(getChannel().getConnection());
                } catch (IOException | RuntimeException e) {
                    LOG.warn("could not re-declare reply queue {}: {} (retried on reconnection)", name, e.toString());
                }
            });
        }

        @Override
        public void handleShutdownSignal(String consumerTag, ShutdownSignalException sig) {
            if (!closed && !sig.isHardError() && !sig.isInitiatedByApplication()) {
                LOG.warn("reply queue {} channel closed by the broker: {}", name, ConnectionSupervisor.reason(sig));
            }
        }
    }

    /** Fails every waiting call (transport closing). */
    void close() {
        closed = true;
        MessagingException e = new MessagingException("transport closed while waiting for the reply");
        waiters.values().forEach(c -> c.fail(e));
        Channel ch = channel;
        if (ch != null && ch.isOpen()) {
            try {
                ch.close();
            } catch (IOException | java.util.concurrent.TimeoutException | RuntimeException ignored) {
                // closing anyway
            }
        }
    }
}
