package dev.oslo4j.messaging.driver.rabbit;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ShutdownSignalException;
import dev.oslo4j.messaging.MessageDeliveryFailure;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One channel in confirm mode. Publishes never wait for their confirm: each publish registers its sequence
 * number with a future that the broker's {@code basic.ack} completes ({@code basic.nack} fails it with
 * {@link MessageDeliveryFailure}); a {@code basic.return} (which the broker sends before the ack) marks the
 * matching mandatory publish as {@link Unroutable}; losing the channel fails what is outstanding with
 * {@link ConnectionLost}. Exchanges and notification queues are declared once per channel, as oslo does.
 */
final class PublishChannel {

    private final Channel channel;
    private final ReentrantLock lock = new ReentrantLock();
    private final ConcurrentNavigableMap<Long, Pending> pending = new ConcurrentSkipListMap<>();
    private final Set<String> declared = ConcurrentHashMap.newKeySet();
    private volatile RuntimeException closedBecause;
    private volatile boolean closing;
    private final AtomicInteger unconfirmedAtClose = new AtomicInteger();

    private static final class Pending {
        final CompletableFuture<Void> future = new CompletableFuture<>();
        final String routingKey;
        final byte[] body;          // kept only for mandatory publishes, to match returns
        volatile String returned;

        Pending(String routingKey, byte[] body) {
            this.routingKey = routingKey;
            this.body = body;
        }
    }

    PublishChannel(Channel channel) throws IOException {
        this.channel = channel;
        channel.confirmSelect();
        channel.addConfirmListener(this::acked, this::nacked);
        channel.addReturnListener(r -> returned(r.getReplyCode(), r.getReplyText(), r.getRoutingKey(), r.getBody()));
        channel.addShutdownListener(this::lost);
    }

    boolean isOpen() {
        return closedBecause == null && channel.isOpen();
    }

    /** Declares once per channel; {@code key} identifies the declaration set. */
    void declareOnce(String key, Declaration d) {
        if (declared.contains(key)) {
            return;
        }
        try {
            d.declare(channel);
            declared.add(key);
        } catch (IOException | AlreadyClosedException e) {
            throw translate(e);
        }
    }

    CompletableFuture<Void> publish(String exchange, String routingKey, boolean mandatory,
                                    AMQP.BasicProperties props, byte[] body) {
        Pending p = new Pending(routingKey, mandatory ? body : null);
        lock.lock();
        try {
            RuntimeException dead = closedBecause;
            if (dead != null) {
                throw dead;
            }
            long seq = channel.getNextPublishSeqNo();
            pending.put(seq, p);
            try {
                channel.basicPublish(exchange, routingKey, mandatory, props, body);
            } catch (IOException | AlreadyClosedException e) {
                pending.remove(seq);
                throw translate(e);
            }
        } finally {
            lock.unlock();
        }
        return p.future;
    }

    private void acked(long tag, boolean multiple) {
        settle(tag, multiple, null);
    }

    private void nacked(long tag, boolean multiple) {
        settle(tag, multiple, new MessageDeliveryFailure("the broker refused the message (basic.nack)"));
    }

    private void settle(long tag, boolean multiple, RuntimeException failure) {
        if (multiple) {
            Map<Long, Pending> head = pending.headMap(tag, true);
            for (Pending p : head.values()) {
                complete(p, failure);
            }
            head.clear();
        } else {
            Pending p = pending.remove(tag);
            if (p != null) {
                complete(p, failure);
            }
        }
    }

    private static void complete(Pending p, RuntimeException failure) {
        if (failure != null) {
            p.future.completeExceptionally(failure);
        } else if (p.returned != null) {
            p.future.completeExceptionally(new Unroutable(p.returned));
        } else {
            p.future.complete(null);
        }
    }

    private void returned(int code, String text, String routingKey, byte[] body) {
        for (Pending p : pending.values()) {
            if (p.body != null && p.returned == null && p.routingKey.equals(routingKey) && Arrays.equals(p.body, body)) {
                p.returned = code + " " + text;
                return;
            }
        }
    }

    private void lost(ShutdownSignalException cause) {
        // closing on purpose keeps its own reason: "connection lost" would send a reader on a false trail
        RuntimeException failure = closing ? closedBecause : translate(cause);
        closedBecause = failure;
        int failed = failPending(failure);
        if (closing) {
            unconfirmedAtClose.addAndGet(failed);
        }
    }

    private int failPending(RuntimeException failure) {
        int failed = 0;
        for (Long seq : pending.keySet()) {
            Pending p = pending.remove(seq);
            if (p != null) {
                p.future.completeExceptionally(failure);
                failed++;
            }
        }
        return failed;
    }

    /** Connection-level trouble is retryable; a channel error (the broker refused an operation) is not. */
    static RuntimeException translate(Exception e) {
        ShutdownSignalException s = e instanceof ShutdownSignalException sse ? sse
                : e.getCause() instanceof ShutdownSignalException sse ? sse : null;
        if (s != null && !s.isHardError() && !s.isInitiatedByApplication()) {
            return new MessageDeliveryFailure("the broker closed the channel: "
                    + ConnectionSupervisor.reason(s), e);
        }
        return new ConnectionLost("connection to the broker lost: "
                + (s != null ? ConnectionSupervisor.reason(s) : e.toString()), e);
    }

    /**
     * Closes the channel. Confirms the broker sends before the close completes still settle their publishes; the
     * rest fail with {@link MessageDeliveryFailure} (they may or may not have reached the broker).
     *
     * @return how many publishes were still unconfirmed and failed
     */
    int close() {
        lock.lock();
        try {
            if (closedBecause == null) {
                closedBecause = new MessageDeliveryFailure(
                        "the transport was closed before the broker confirmed the message");
            }
            closing = true;
        } finally {
            lock.unlock();
        }
        try {
            if (channel.isOpen()) {
                channel.close();
            }
        } catch (IOException | java.util.concurrent.TimeoutException | RuntimeException e) {
            // closing anyway
        }
        unconfirmedAtClose.addAndGet(failPending(closedBecause));
        return unconfirmedAtClose.get();
    }

    /** A declaration run on the channel (exchange, queue, binding). */
    @FunctionalInterface
    interface Declaration {
        void declare(Channel channel) throws IOException;
    }
}
