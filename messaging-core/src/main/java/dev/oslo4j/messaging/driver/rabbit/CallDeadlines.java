package dev.oslo4j.messaging.driver.rabbit;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The thread that ends calls on time: it runs call timeouts and call-monitor checks and nothing else. The driver's
 * general timer also re-sends publishes after a reconnection, re-declares queues and flushes acks, all of which
 * can wait on the broker (a channel, a declaration, a socket write) for seconds while a node stops; call deadlines
 * queued behind such work fired late (docs/reliability.md, "what we found"). Tasks here only complete futures
 * (callers' own continuations run on the transport's completion executor), so nothing can hold them up.
 */
final class CallDeadlines implements AutoCloseable {

    private final ScheduledThreadPoolExecutor scheduler;

    CallDeadlines(ThreadFactory threads) {
        scheduler = new ScheduledThreadPoolExecutor(1, threads);
        scheduler.setRemoveOnCancelPolicy(true);
        // A task due within a second always heads the queue, so scheduling a call's (later) timeout never has to
        // wake the thread: one wake-up per second instead of one per call.
        scheduler.scheduleWithFixedDelay(() -> { }, 1, 1, TimeUnit.SECONDS);
    }

    /** The scheduler for {@link PendingCall#startTimers}: never give it work that can block. */
    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
