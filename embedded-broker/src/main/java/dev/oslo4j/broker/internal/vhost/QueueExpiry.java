package dev.oslo4j.broker.internal.vhost;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.apache.qpid.server.model.Queue;

/**
 * RabbitMQ's {@code x-expires}: a queue unused for that many milliseconds is deleted. Use means having a
 * consumer, a {@code basic.get}, or a (re)declaration; the clock starts again after each, and runs only
 * while the queue has no consumer. Broker-J has no time-based lifetime policy, so the virtual host's
 * scheduler does it.
 */
final class QueueExpiry {

    private static final Logger LOG = LoggerFactory.getLogger(QueueExpiry.class);

    private final RabbitVirtualHost virtualHost;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    QueueExpiry(RabbitVirtualHost virtualHost) {
        this.virtualHost = virtualHost;
    }

    private static final class Timer {
        final long expiresMillis;
        ScheduledFuture<?> pending;

        Timer(long expiresMillis) {
            this.expiresMillis = expiresMillis;
        }
    }

    /** The queue was declared (or redeclared) with {@code x-expires}; null/non-positive clears it. */
    void declared(Queue<?> queue, Long expiresMillis) {
        if (expiresMillis == null || expiresMillis <= 0) {
            forget(queue.getName());
            return;
        }
        Timer timer = timers.compute(queue.getName(),
                (name, old) -> old != null && old.expiresMillis == expiresMillis ? old : replace(old, expiresMillis));
        restart(queue, timer);
    }

    private static Timer replace(Timer old, long expiresMillis) {
        if (old != null) {
            cancel(old);
        }
        return new Timer(expiresMillis);
    }

    /** A {@code basic.get} or redeclaration: the queue was used now. */
    void used(Queue<?> queue) {
        Timer timer = timers.get(queue.getName());
        if (timer != null) {
            restart(queue, timer);
        }
    }

    void consumersChanged(Queue<?> queue) {
        Timer timer = timers.get(queue.getName());
        if (timer != null) {
            restart(queue, timer);
        }
    }

    void forget(String queueName) {
        Timer timer = timers.remove(queueName);
        if (timer != null) {
            cancel(timer);
        }
    }

    void cancelAll() {
        timers.values().forEach(QueueExpiry::cancel);
        timers.clear();
    }

    private void restart(Queue<?> queue, Timer timer) {
        synchronized (timer) {
            cancel(timer);
            if (queue.getConsumerCount() == 0) {
                timer.pending = virtualHost.scheduleTask(timer.expiresMillis, () -> expire(queue, timer));
            }
        }
    }

    private static void cancel(Timer timer) {
        synchronized (timer) {
            if (timer.pending != null) {
                timer.pending.cancel(false);
                timer.pending = null;
            }
        }
    }

    private void expire(Queue<?> queue, Timer timer) {
        synchronized (timer) {
            if (timers.get(queue.getName()) != timer || queue.getConsumerCount() > 0 || queue.isDeleted()) {
                return;
            }
            timers.remove(queue.getName(), timer);
        }
        LOG.debug("deleting queue '{}' unused for {} ms (x-expires)", queue.getName(), timer.expiresMillis);
        try {
            queue.deleteAsync();
        } catch (RuntimeException e) {
            LOG.debug("x-expires could not delete queue '{}'", queue.getName(), e);
        }
    }
}
