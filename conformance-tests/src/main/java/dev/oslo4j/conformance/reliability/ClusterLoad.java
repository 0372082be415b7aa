package dev.oslo4j.conformance.reliability;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import dev.oslo4j.testsupport.Await;

/**
 * Steady traffic on a {@link ClusterDeployment} while a test stops and starts nodes: numbered confirmed casts
 * and numbered notifications, each at {@value #RATE} per second (at most {@value #WINDOW} of each outstanding),
 * and {@value #CALLERS} threads calling {@code echo} without pause. Paced rather than flat out, so that the figures
 * measure the faults and not a 2-core machine's saturation.
 */
final class ClusterLoad implements AutoCloseable {

    static final int RATE = 200;
    static final int CALLERS = 4;
    private static final int WINDOW = 2_000;

    private final ClusterDeployment d;
    final Window castWindow = new Window(WINDOW);
    final Window notificationWindow = new Window(WINDOW);
    final CallOutcomes calls = new CallOutcomes(ClusterDeployment.callBound());
    private final Workers senders;
    private final Workers callers;
    private List<Throwable> crashes = List.of();

    private ClusterLoad(ClusterDeployment d) {
        this.d = d;
        long start = System.nanoTime();
        this.senders = Workers.start("cluster-send", 2, w -> {
            // One thread per kind, so the count started so far is the next number.
            if (w == 0) {
                int n = pace(start, castWindow);
                castWindow.send(() -> d.client.castAsync(Map.of(), "record", Map.of("n", n)));
            } else {
                int n = pace(start, notificationWindow);
                notificationWindow.send(() -> d.notifier.info(Map.of(), ClusterDeployment.TICK, Map.of("n", n)));
            }
        });
        this.callers = Workers.start("cluster-call", CALLERS, w -> NoHungCallsTest.callOnce(d.client, w, calls));
    }

    static ClusterLoad start(ClusterDeployment d) {
        return new ClusterLoad(d);
    }

    /** Parks until the next message of {@code window} is due (one every 1/RATE s from {@code start}); its number. */
    private static int pace(long start, Window window) {
        int n = (int) window.started();
        long due = start + n * (1_000_000_000L / RATE);
        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
        if (n >= ClusterDeployment.CAPACITY) {
            throw new AssertionError("more than " + ClusterDeployment.CAPACITY + " messages: the test ran too long");
        }
        return n;
    }

    /** Waits until {@code more} further casts and notifications were processed and calls answered. */
    void awaitProgress(int more, Duration timeout, String when) {
        int casts = d.casts.distinct() + more;
        int notifications = d.notifications.distinct() + more;
        long ok = calls.ok() + more / 10;
        Await.until(timeout, "traffic flows " + when, () -> d.casts.distinct() >= casts
                && d.notifications.distinct() >= notifications && calls.ok() >= ok, this::toString);
    }

    /** Stops sending and calling; waits until every send is confirmed or failed. */
    void stop(Duration timeout) throws InterruptedException {
        senders.stopAndJoin(Duration.ofSeconds(10));
        callers.stopAndJoin(ClusterDeployment.callBound().plusSeconds(5));
        crashes = Stream.concat(senders.crashes().stream(), callers.crashes().stream()).toList();
        castWindow.awaitAll(timeout);
        notificationWindow.awaitAll(timeout);
    }

    /** Sender or caller threads that died (after {@link #stop}). */
    List<Throwable> crashes() {
        return crashes;
    }

    @Override
    public void close() throws InterruptedException {
        senders.close();
        callers.close();
    }

    @Override
    public String toString() {
        return "casts " + castWindow + ", processed " + d.casts + "; notifications " + notificationWindow
                + ", processed " + d.notifications + "; calls " + calls;
    }
}
