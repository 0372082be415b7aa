package dev.oslo4j.conformance.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

import dev.oslo4j.conformance.broker.BrokerUnderTest;

/**
 * The faults issue 7 injects while traffic flows: every connection of the test's virtual host dropped three
 * times ({@code rabbitmqctl close_all_connections --vhost} on RabbitMQ), then — on the embedded broker, the only
 * one a test may restart — one broker restart. Each fault fires on a background thread once the test's
 * progress measure (messages sent, milliseconds elapsed, …) reaches its threshold.
 */
final class Faults implements AutoCloseable {

    private static final Duration LONGEST_WAIT = Duration.ofMinutes(5);

    private final BrokerUnderTest broker;
    private final List<String> injected = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile Throwable failure;
    private volatile boolean cancelled;

    private Faults(BrokerUnderTest broker, LongSupplier progress, long[] thresholds) {
        this.broker = broker;
        List<Runnable> plan = plan(broker);
        this.thread = new Thread(() -> run(plan, progress, thresholds), "oslo4j-test-faults");
        thread.setDaemon(true);
    }

    /** How many faults {@link #start} injects on this broker: 3 drops, plus a restart where allowed. */
    static int count(BrokerUnderTest broker) {
        return broker.supportsRestart() ? 4 : 3;
    }

    /**
     * Starts injecting: fault {@code i} fires once {@code progress} reaches {@code thresholds[i]}; thresholds
     * beyond {@link #count} are ignored.
     */
    static Faults start(BrokerUnderTest broker, LongSupplier progress, long... thresholds) {
        broker.assumeDropConnectionsSupported();
        if (thresholds.length < count(broker)) {
            throw new IllegalArgumentException("need " + count(broker) + " thresholds, got " + thresholds.length);
        }
        Faults f = new Faults(broker, progress, thresholds);
        f.thread.start();
        return f;
    }

    private List<Runnable> plan(BrokerUnderTest b) {
        List<Runnable> plan = new ArrayList<>(List.of(b::dropConnections, b::dropConnections, b::dropConnections));
        if (b.supportsRestart()) {
            plan.add(b::restart);
        }
        return plan;
    }

    private void run(List<Runnable> plan, LongSupplier progress, long[] thresholds) {
        long deadline = System.nanoTime() + LONGEST_WAIT.toNanos();
        try {
            for (int i = 0; i < plan.size(); i++) {
                while (progress.getAsLong() < thresholds[i]) {
                    if (cancelled) {
                        return;
                    }
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("progress stalled at " + progress.getAsLong() + " before fault "
                                + (i + 1) + " (threshold " + thresholds[i] + "); faults so far: " + injected);
                    }
                    Thread.sleep(5);
                }
                long start = System.nanoTime();
                plan.get(i).run();
                injected.add(describe(i) + " at " + progress.getAsLong() + " (took "
                        + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            failure = t;
        }
    }

    private String describe(int i) {
        return i < 3 ? "connections dropped #" + (i + 1) : "broker restarted";
    }

    /** Waits until every fault was injected (or failed); rethrows a failure of the injection itself. */
    List<String> awaitAll(Duration timeout) throws InterruptedException {
        thread.join(timeout.toMillis());
        if (thread.isAlive()) {
            throw new AssertionError("faults not all injected within " + timeout + ": " + injected);
        }
        if (failure != null) {
            throw new AssertionError("injecting faults failed after " + injected + ": " + failure, failure);
        }
        return List.copyOf(injected);
    }

    boolean allInjected() {
        return !thread.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        cancelled = true;
        thread.join(LONGEST_WAIT.toMillis());
    }

    @Override
    public String toString() {
        return "[" + broker.name() + "] faults " + injected;
    }
}
