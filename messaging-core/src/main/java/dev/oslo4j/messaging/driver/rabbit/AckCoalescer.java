package dev.oslo4j.messaging.driver.rabbit;

import com.rabbitmq.client.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Settles one channel's deliveries with few frames: acknowledgements made in any order by worker threads are
 * sent as one {@code basic.ack(multiple=true)} covering the longest run of settled delivery tags, once
 * {@code threshold} acks are pending or nothing delivered is still being processed; a timer sends whatever is
 * left (individually, if a slow message holds the run back) after {@code maxDelayMs}. Each broker-side ack costs
 * RabbitMQ's queue process a message, so this is what lets a listener keep up with a fast notifier. Python acks
 * each message, but its acks may lag by seconds (docs/wire-protocol.md §9.7): the delay here stays far below that.
 *
 * <p>Rejections and requeues are sent at once, individually, and only then marked settled, so a later multiple
 * ack can never cover (and so acknowledge) a message that was to be redelivered.
 */
final class AckCoalescer {

    private static final Logger LOG = LoggerFactory.getLogger(AckCoalescer.class);

    private static final byte OUTSTANDING = 0;
    private static final byte ACK_PENDING = 1;
    private static final byte SETTLED = 2;

    private final Channel channel;
    private final int threshold;
    private final long maxDelayMs;
    private final ScheduledExecutorService timer;

    /** Every tag up to {@code base} is settled on the broker; state of tag t > base is {@code states[t & mask]}. */
    private long base;
    /** Every tag up to {@code run} (≥ base) is settled or ack-pending: states only ever leave OUTSTANDING. */
    private long run;
    private long delivered;
    private int pending;
    private byte[] states = new byte[256];
    private boolean timerScheduled;

    /**
     * @param prefetch the channel's prefetch (0 = unlimited): acks are never held back for more than a quarter of
     *                 it, so the broker keeps delivering
     */
    AckCoalescer(Channel channel, int prefetch, long maxDelayMs, ScheduledExecutorService timer) {
        this.channel = channel;
        this.threshold = prefetch > 0 ? Math.max(1, Math.min(64, prefetch / 4)) : 64;
        this.maxDelayMs = maxDelayMs;
        this.timer = timer;
    }

    /** Called (on the consumer thread) for every delivery, before it is handed on. */
    synchronized void delivered(long tag) {
        if (tag > delivered) {
            delivered = tag;
        }
        ensureCapacity(tag);
        states[index(tag)] = OUTSTANDING;
    }

    /** The application acknowledged {@code tag}; sent now or soon. */
    synchronized void ack(long tag) {
        if (tag <= base || states[index(tag)] != OUTSTANDING) {
            return;
        }
        states[index(tag)] = ACK_PENDING;
        pending++;
        long frontier = frontier();
        if (pending >= threshold || frontier == delivered) {
            sendUpTo(frontier);
        }
        if (pending > 0 && !timerScheduled) {
            timerScheduled = true;
            timer.schedule(this::flushAll, maxDelayMs, TimeUnit.MILLISECONDS);
        }
    }

    /** Rejects {@code tag} now (requeue or drop), individually. */
    void reject(long tag, boolean requeue) throws IOException {
        channel.basicReject(tag, requeue);
        synchronized (this) {
            if (tag > base) {
                states[index(tag)] = SETTLED;
            }
        }
    }

    /** Sends every pending acknowledgement now (before the channel closes, and from the timer). */
    synchronized void flushAll() {
        timerScheduled = false;
        if (pending == 0) {
            return;
        }
        sendUpTo(frontier());
        for (long t = base + 1; pending > 0 && t <= delivered; t++) {
            if (states[index(t)] == ACK_PENDING) {
                if (!send(t, false)) {
                    return;
                }
                states[index(t)] = SETTLED;
                pending--;
            }
        }
    }

    /** The highest tag such that every tag up to it is settled or acknowledged. */
    private long frontier() {
        if (run < base) {
            run = base;
        }
        while (run < delivered && states[index(run + 1)] != OUTSTANDING) {
            run++;
        }
        return run;
    }

    /**
     * Acknowledges every pending tag up to {@code frontier} with one frame. The frame names the highest
     * <em>pending</em> tag: RabbitMQ closes the channel (406, unknown delivery tag) when a multiple ack names a
     * tag that is already settled and nothing later is outstanding.
     */
    private void sendUpTo(long frontier) {
        int covered = 0;
        long last = 0;
        for (long t = base + 1; t <= frontier; t++) {
            if (states[index(t)] == ACK_PENDING) {
                covered++;
                last = t;
            }
        }
        if (covered == 0) {
            base = frontier;
            return;
        }
        if (send(last, true)) {
            base = frontier;
            pending -= covered;
        }
    }

    private boolean send(long tag, boolean multiple) {
        try {
            channel.basicAck(tag, multiple);
            return true;
        } catch (IOException | RuntimeException e) {
            // The channel is gone: the broker redelivers everything unacknowledged to the next consumer.
            LOG.debug("could not acknowledge delivery {} (multiple={}): {}; it will be redelivered", tag, multiple,
                    e.toString());
            pending = 0;
            base = delivered;
            return false;
        }
    }

    private int index(long tag) {
        return (int) (tag & (states.length - 1));
    }

    /** Keeps every tag in (base, tag] addressable without wrapping onto an unsettled one. */
    private void ensureCapacity(long tag) {
        if (tag - base < states.length) {
            return;
        }
        int size = states.length;
        while (tag - base >= size) {
            size *= 2;
        }
        byte[] grown = new byte[size];
        for (long t = base + 1; t < tag; t++) {
            grown[(int) (t & (size - 1))] = states[index(t)];
        }
        states = grown;
    }
}
