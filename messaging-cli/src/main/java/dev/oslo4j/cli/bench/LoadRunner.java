package dev.oslo4j.cli.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Drives a {@link Workload} closed-loop: {@code threads} client threads take message numbers from one shared
 * counter until all are handed out, each keeping {@code inFlight} operations outstanding (1: one after the
 * other), timing each operation into a per-thread HdrHistogram. A warm-up phase
 * runs first and is not measured; it goes on past its count while the JIT compiler is still busy (see
 * {@link JitSettling}), so that no contender is measured while paying for compiling code the next one inherits.
 * End-to-end patterns are timed until the receiving side has processed
 * everything, so the rate is what really got through, not what was merely handed to the broker.
 */
public final class LoadRunner {
    /** The longest a warm-up goes on past its count waiting for the JIT to settle. */
    static final Duration MAX_WARMUP_EXTENSION = Duration.ofSeconds(20);
    /** A warm-up of exactly its count (tests: their JVM is never settled, and they measure nothing). */
    static final Supplier<BooleanSupplier> EXACT_WARMUP = () -> () -> false;

    private final LoadSpec spec;
    private final Progress progress;
    private final Supplier<BooleanSupplier> warmupExtension;

    public LoadRunner(LoadSpec spec, Progress progress) {
        this(spec, progress, spec.warmupUntilJitSettles() ? () -> new JitSettling(MAX_WARMUP_EXTENSION) : EXACT_WARMUP);
    }

    /** @param warmupExtension per run, a test that is true while the warm-up should go on past its count */
    LoadRunner(LoadSpec spec, Progress progress, Supplier<BooleanSupplier> warmupExtension) {
        this.spec = spec;
        this.progress = progress;
        this.warmupExtension = warmupExtension;
    }

    /** Runs the warm-up, then the measured phase, and summarizes. The workload stays open (caller closes). */
    public RunResult run(Workload workload) throws InterruptedException {
        Phase warmup = new Phase(workload, spec.warmup(), 0, warmupExtension.get());
        if (spec.warmup() > 0) {
            progress.begin(workload.name() + " warm-up", spec.warmup(), warmup.issued::get);
            warmup.execute();
            progress.end();
            if (warmup.aborted()) {
                return warmup.result(workload.name(), 0);
            }
        }
        Phase measured = new Phase(workload, spec.messages(), warmup.succeeded.get(), () -> false);
        progress.begin(workload.name(), spec.messages(), measured.issued::get);
        ResourceUse.Reading before = ResourceUse.read();
        measured.execute();
        ResourceUse.Reading after = ResourceUse.read();
        progress.end();
        return measured.result(workload.name(), System.nanoTime() - measured.startNanos, before, after);
    }

    /** One pass of {@code count} operations over all threads, and more while {@code extendWhile} says so. */
    private final class Phase {
        private final Workload workload;
        private final long count;
        private final long processedBefore;
        private final BooleanSupplier extendWhile;
        private volatile boolean noMore;
        private final AtomicLong tickets = new AtomicLong();
        private final AtomicLong issued = new AtomicLong();
        private final AtomicLong succeeded = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();
        private final AtomicReference<String> firstError = new AtomicReference<>();
        private final List<Histogram> histograms = new ArrayList<>();
        /** When every thread had its operation ready: connection set-up is not part of the measurement. */
        private volatile long startNanos;

        Phase(Workload workload, long count, long processedBefore, BooleanSupplier extendWhile) {
            this.workload = workload;
            this.count = count;
            this.processedBefore = processedBefore;
            this.extendWhile = extendWhile;
        }

        /** Whether operation {@code sequence} is to run: within the count, or while the phase is extended. */
        private boolean runs(long sequence) {
            return sequence < count || !noMore && extendWhile.getAsBoolean();
        }

        void execute() throws InterruptedException {
            int threads = (int) Math.min(spec.threads(), count);
            CyclicBarrier ready = new CyclicBarrier(threads, () -> startNanos = System.nanoTime());
            CountDownLatch finished = new CountDownLatch(threads);
            List<Thread> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                // Pipelined operations complete (and are recorded) on the threads that deliver confirms/replies.
                Histogram histogram = spec.pipelined() ? new ConcurrentHistogram(3) : new Histogram(3);
                histograms.add(histogram);
                int index = i;
                Thread worker = new Thread(() -> {
                    try {
                        work(index, histogram, ready);
                    } finally {
                        finished.countDown();
                    }
                }, "oslo4j-bench-" + workload.name() + "-" + i);
                worker.setDaemon(true);
                workers.add(worker);
                worker.start();
            }
            try {
                finished.await();
            } finally {
                workers.forEach(Thread::interrupt);
            }
            drain();
        }

        private void work(int thread, Histogram histogram, CyclicBarrier ready) {
            Workload.Operation operation = null;
            Workload.PipelinedOperation pipelined = null;
            try {
                if (spec.pipelined()) {
                    pipelined = workload.newPipelinedOperation(thread);
                } else {
                    operation = workload.newOperation(thread);
                }
            } catch (Exception e) {
                // A thread that cannot even start fails the run: stop handing out messages.
                fail(e);
                noMore = true;
                tickets.set(count);
            }
            try {
                ready.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (BrokenBarrierException e) {
                return;
            }
            if (operation != null) {
                runOneAtATime(operation, histogram);
            } else if (pipelined != null) {
                runPipelined(pipelined, histogram);
            }
        }

        /** Each operation waits for the previous one, as a caller of a blocking API does. */
        private void runOneAtATime(Workload.Operation operation, Histogram histogram) {
            long sequence;
            while (!aborted() && runs(sequence = tickets.getAndIncrement())) {
                long start = System.nanoTime();
                try {
                    operation.execute(sequence);
                    histogram.recordValue(System.nanoTime() - start);
                    succeeded.incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    fail(e);
                    return;
                } catch (Exception e) {
                    fail(e);
                }
                issued.incrementAndGet();
            }
        }

        /**
         * Up to {@code inFlight} operations outstanding: a new one starts as soon as one completes. Each is
         * timed from its start to its completion (confirm or reply), recorded by whichever thread completes it;
         * one not complete within the deadline fails, so that the window cannot jam. Returns once all of this
         * thread's operations completed.
         */
        private void runPipelined(Workload.PipelinedOperation operation, Histogram histogram) {
            Semaphore window = new Semaphore(spec.inFlight());
            long deadlineMillis = spec.drainTimeout().toMillis();
            try {
                long sequence;
                while (!aborted()) {
                    window.acquire();
                    if (!runs(sequence = tickets.getAndIncrement())) {
                        window.release();
                        break;
                    }
                    long start = System.nanoTime();
                    CompletableFuture<?> pending;
                    try {
                        pending = operation.start(sequence);
                    } catch (Exception e) {
                        pending = CompletableFuture.failedFuture(e);
                    }
                    pending.orTimeout(deadlineMillis, TimeUnit.MILLISECONDS).whenComplete((result, error) -> {
                        if (error == null) {
                            histogram.recordValue(System.nanoTime() - start);
                            succeeded.incrementAndGet();
                        } else {
                            fail(unwrap(error));
                        }
                        issued.incrementAndGet();
                        window.release();
                    });
                }
                // Every outstanding operation completes or times out, so this wait is bounded.
                window.acquire(spec.inFlight());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(e);
            }
        }

        /** End-to-end patterns: wait until the receiver has processed everything that was accepted. */
        private void drain() throws InterruptedException {
            long expected = processedBefore + succeeded.get();
            long missing = expected - workload.awaitProcessed(expected, spec.drainTimeout());
            if (missing > 0) {
                succeeded.addAndGet(-missing);
                failed.addAndGet(missing);
                firstError.compareAndSet(null, missing + " accepted messages were not processed within "
                        + spec.drainTimeout().toSeconds() + " s");
            }
        }

        private void fail(Throwable e) {
            failed.incrementAndGet();
            firstError.compareAndSet(null, describe(e));
        }

        boolean aborted() {
            return failed.get() >= spec.maxErrors();
        }

        RunResult result(String name, long elapsedNanos) {
            return result(name, elapsedNanos, null, null);
        }

        RunResult result(String name, long elapsedNanos, ResourceUse.Reading before, ResourceUse.Reading after) {
            Histogram all = new Histogram(3);
            histograms.forEach(all::add);
            Optional<ResourceUse> resources = before == null ? Optional.empty()
                    : before.until(after, succeeded.get());
            return new RunResult(name, succeeded.get(), failed.get(), Duration.ofNanos(elapsedNanos),
                    LatencySummary.of(all), Optional.ofNullable(firstError.get()), aborted(), spec.inFlight(),
                    Optional.empty(), resources);
        }
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
