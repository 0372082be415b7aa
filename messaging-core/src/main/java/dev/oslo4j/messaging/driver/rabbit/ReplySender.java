package dev.oslo4j.messaging.driver.rabbit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends replies and heartbeats as oslo servers do (docs/wire-protocol.md §4.6): to the default exchange with routing key
 * {@code _reply_q}, {@code mandatory} (per {@code direct_mandatory_flag}); while the broker returns it because the
 * reply queue is missing, retries every 0.25 s for up to {@code kombu_missing_consumer_retry_timeout}, then gives
 * up, logs, and remembers the queue as obsolete (200 entries, 60 s) so further replies to it are dropped at once.
 * All asynchronous: no worker thread waits for a confirm.
 */
final class ReplySender {

    private static final Logger LOG = LoggerFactory.getLogger(ReplySender.class);
    private static final long RETRY_DELAY_MS = 250;
    private static final int OBSOLETE_SIZE = 200;
    private static final long OBSOLETE_TTL_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final Publisher publisher;
    private final AmqpProperties properties;
    private final boolean mandatory;
    private final long retryNanos;
    private final ScheduledExecutorService timer;
    private final Map<String, Long> obsolete = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > OBSOLETE_SIZE;
        }
    };

    ReplySender(Publisher publisher, AmqpProperties properties, boolean mandatory, long retryNanos,
                ScheduledExecutorService timer) {
        this.publisher = publisher;
        this.properties = properties;
        this.mandatory = mandatory;
        this.retryNanos = retryNanos;
        this.timer = timer;
    }

    /** @param heartbeat heartbeats are not retried: a lost one only means the next will tell */
    void send(String replyQueue, String msgId, byte[] body, boolean heartbeat) {
        if (isObsolete(replyQueue)) {
            LOG.debug("dropped reply to message ID {}: reply queue {} recently vanished", msgId, replyQueue);
            return;
        }
        Outgoing m = new Outgoing(Topology.DEFAULT_EXCHANGE, replyQueue, mandatory, properties.plain(),
                properties.encodeBody(body), List.of(), List.of(),
                (heartbeat ? "heartbeat" : "reply") + " to message ID " + msgId);
        attempt(m, msgId, heartbeat, System.nanoTime() + retryNanos);
    }

    private void attempt(Outgoing m, String msgId, boolean heartbeat, long deadline) {
        publisher.send(m, -1, () -> System.nanoTime() < deadline).whenComplete((v, e) -> {
            if (e == null) {
                return;
            }
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof Unroutable && !heartbeat && System.nanoTime() < deadline) {
                timer.schedule(() -> attempt(m, msgId, false, deadline), RETRY_DELAY_MS, TimeUnit.MILLISECONDS);
            } else if (cause instanceof Unroutable) {
                if (!heartbeat) {
                    markObsolete(m.routingKey());
                    LOG.warn("gave up the reply to message ID {}: reply queue {} did not exist for {} s",
                            msgId, m.routingKey(), TimeUnit.NANOSECONDS.toSeconds(retryNanos));
                }
            } else {
                LOG.warn("could not send the {}: {}", m.description(), cause.getMessage());
            }
        });
    }

    private synchronized boolean isObsolete(String queue) {
        Long since = obsolete.get(queue);
        if (since == null) {
            return false;
        }
        if (System.nanoTime() - since > OBSOLETE_TTL_NANOS) {
            obsolete.remove(queue);
            return false;
        }
        return true;
    }

    private synchronized void markObsolete(String queue) {
        obsolete.put(queue, System.nanoTime());
    }
}
