package dev.oslo4j.messaging.driver.fake;

import dev.oslo4j.messaging.driver.Listener;
import dev.oslo4j.messaging.wire.MalformedMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * oslo's {@code FakeListener}: one thread taking messages from its queues in turn (listeners of one queue
 * compete for its messages) and handing each to the handler. With a prefetch, at most that many taken
 * messages may be unsettled at once.
 */
final class FakeConsumer implements Listener {

    private static final Logger LOG = LoggerFactory.getLogger(FakeConsumer.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    /** What the consumer does with each message taken; throws {@link MalformedMessage} to drop it. */
    interface Handler {
        void handle(FakeVirtualHost.Taken taken) throws MalformedMessage;
    }

    private final FakeVirtualHost vhost;
    private final List<FakeVirtualHost.QueueKey> queues;
    private final int prefetch;
    private final Handler handler;
    private final String description;
    private final AtomicInteger unsettled = new AtomicInteger();
    private final Thread thread;
    private volatile boolean running = true;

    FakeConsumer(FakeVirtualHost vhost, List<FakeVirtualHost.QueueKey> queues, int prefetch, Handler handler,
                 String description) {
        this.vhost = vhost;
        this.queues = List.copyOf(queues);
        this.prefetch = prefetch;
        this.handler = handler;
        this.description = description;
        queues.forEach(vhost::ensure); // oslo: the queues exist as soon as the listener does
        this.thread = new Thread(this::run, "oslo4j-fake-consumer-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            FakeVirtualHost.Taken taken;
            try {
                taken = vhost.take(queues, 250, () -> running && (prefetch <= 0 || unsettled.get() < prefetch));
            } catch (InterruptedException e) {
                return;
            }
            if (taken == null) {
                continue;
            }
            unsettled.incrementAndGet();
            try {
                handler.handle(taken);
            } catch (MalformedMessage e) {
                settled();
                LOG.warn("fake://{} {}: dropped a malformed message from queue {}: {}", vhost.name(), description,
                        taken.queue(), e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("fake://{} {}: the handler failed", vhost.name(), description, e);
            }
        }
    }

    /** A taken message was acknowledged, requeued or rejected: room for another. */
    void settled() {
        unsettled.decrementAndGet();
        if (prefetch > 0) {
            vhost.wakeUp();
        }
    }

    @Override
    public void stop() {
        running = false;
        vhost.wakeUp();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Nothing of its own to delete: fake queues outlive their listeners, as in oslo. */
    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return description;
    }
}
