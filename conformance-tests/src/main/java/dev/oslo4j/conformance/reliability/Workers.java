package dev.oslo4j.conformance.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code n} application threads (named {@code test-<name>-<i>}, not counted as library threads) that each repeat
 * one step until stopped. A step that throws ends its thread; the throwable is kept for the test to report.
 */
final class Workers implements AutoCloseable {

    /** One iteration of a worker; {@code worker} is its index. */
    @FunctionalInterface
    interface Step {
        void run(int worker) throws Exception;
    }

    private final List<Thread> threads = new ArrayList<>();
    private final List<Throwable> crashes = new CopyOnWriteArrayList<>();
    private volatile boolean stopped;

    private Workers(String name, int n, Step step) {
        for (int i = 0; i < n; i++) {
            int worker = i;
            Thread t = new Thread(() -> loop(worker, step), "test-" + name + "-" + i);
            t.setDaemon(true);
            threads.add(t);
        }
    }

    static Workers start(String name, int n, Step step) {
        Workers w = new Workers(name, n, step);
        w.threads.forEach(Thread::start);
        return w;
    }

    private void loop(int worker, Step step) {
        try {
            while (!stopped) {
                step.run(worker);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            crashes.add(t);
        }
    }

    /** Asks every worker to stop after its current step and waits (bounded) for them. */
    void stopAndJoin(Duration timeout) throws InterruptedException {
        stopped = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread t : threads) {
            t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            if (t.isAlive()) {
                throw new AssertionError(t.getName() + " still running " + timeout.toMillis()
                        + " ms after stop (a hung call?): " + List.of(t.getStackTrace()));
            }
        }
    }

    List<Throwable> crashes() {
        return List.copyOf(crashes);
    }

    @Override
    public void close() throws InterruptedException {
        if (!stopped) {
            stopAndJoin(Duration.ofMinutes(1));
        }
    }
}
