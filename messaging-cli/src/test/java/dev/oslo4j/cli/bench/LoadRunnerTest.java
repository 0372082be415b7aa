package dev.oslo4j.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoadRunnerTest {

    private static LoadSpec spec(long messages, int threads, long warmup) {
        return new LoadSpec(messages, threads, 10, warmup, Duration.ofSeconds(5), 50);
    }

    private static LoadSpec pipelined(long messages, int inFlight, Duration deadline) {
        return new LoadSpec(messages, 1, 10, 0, deadline, 50, inFlight);
    }

    /** Counts operations and threads, optionally failing some, optionally processing only some. */
    private static final class FakeWorkload implements Workload {
        final Set<Long> sequences = ConcurrentHashMap.newKeySet();
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        final AtomicLong executed = new AtomicLong();
        final AtomicInteger operationsCreated = new AtomicInteger();
        final long failEvery;
        final long lose;

        FakeWorkload(long failEvery, long lose) {
            this.failEvery = failEvery;
            this.lose = lose;
        }

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public Operation newOperation(int thread) {
            operationsCreated.incrementAndGet();
            threads.add(Thread.currentThread().getName());
            return sequence -> {
                long n = executed.incrementAndGet();
                sequences.add(sequence);
                if (failEvery > 0 && n % failEvery == 0) {
                    throw new IllegalStateException("boom " + n);
                }
            };
        }

        @Override
        public PipelinedOperation newPipelinedOperation(int thread) {
            throw new UnsupportedOperationException("one at a time only");
        }

        @Override
        public long awaitProcessed(long total, Duration timeout) {
            return total - lose;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void runsEveryMessageOnceOverAllThreadsAfterTheWarmup() throws Exception {
        FakeWorkload workload = new FakeWorkload(0, 0);
        RunResult result = new LoadRunner(spec(1000, 4, 100), Progress.NONE, LoadRunner.EXACT_WARMUP).run(workload);

        assertThat(workload.executed).hasValue(1100);
        assertThat(workload.threads).hasSize(4);
        assertThat(workload.sequences).hasSize(1000);
        assertThat(workload.operationsCreated).hasValue(8); // 4 for the warm-up, 4 measured
        assertThat(result.completed()).isEqualTo(1000);
        assertThat(result.errors()).isZero();
        assertThat(result.rate()).isPositive();
        assertThat(result.latency().max()).isGreaterThanOrEqualTo(result.latency().p99());
        assertThat(result.latency().p99()).isGreaterThanOrEqualTo(result.latency().p50());
        assertThat(result.firstError()).isEmpty();
        assertThat(result.aborted()).isFalse();
    }

    @Test
    void theWarmupGoesOnPastItsCountWhileExtendedAndOnlyTheMeasuredCountIsMeasured() throws Exception {
        FakeWorkload workload = new FakeWorkload(0, 0);
        AtomicInteger extraAsked = new AtomicInteger();
        // extends the warm-up by 50 asks (each ask lets one more operation run)
        RunResult result = new LoadRunner(spec(1000, 4, 100), Progress.NONE,
                () -> () -> extraAsked.incrementAndGet() <= 50).run(workload);

        assertThat(workload.executed).hasValue(1150);
        assertThat(result.completed()).isEqualTo(1000);
        assertThat(result.errors()).isZero();
    }

    @Test
    void countsFailuresAndKeepsTheFirstOne() throws Exception {
        RunResult result = new LoadRunner(spec(100, 1, 0), Progress.NONE).run(new FakeWorkload(10, 0));

        assertThat(result.completed()).isEqualTo(90);
        assertThat(result.errors()).isEqualTo(10);
        assertThat(result.firstError()).hasValue("IllegalStateException: boom 10");
    }

    @Test
    void stopsEarlyWhenErrorsPassTheLimit() throws Exception {
        FakeWorkload alwaysFailing = new FakeWorkload(1, 0);
        RunResult result = new LoadRunner(spec(100_000, 2, 0), Progress.NONE).run(alwaysFailing);

        assertThat(result.aborted()).isTrue();
        assertThat(result.errors()).isBetween(50L, 52L);
        assertThat(alwaysFailing.executed.get()).isLessThan(100);
    }

    @Test
    void messagesNeverProcessedCountAsErrors() throws Exception {
        RunResult result = new LoadRunner(spec(100, 2, 0), Progress.NONE).run(new FakeWorkload(0, 7));

        assertThat(result.completed()).isEqualTo(93);
        assertThat(result.errors()).isEqualTo(7);
        assertThat(result.firstError()).hasValueSatisfying(e -> assertThat(e).contains("7 accepted messages"));
    }

    @Test
    void aThreadThatCannotStartFailsItsShare() throws Exception {
        Workload broken = new Workload() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public Operation newOperation(int thread) throws Exception {
                throw new java.io.IOException("connection refused");
            }

            @Override
            public PipelinedOperation newPipelinedOperation(int thread) throws Exception {
                throw new java.io.IOException("connection refused");
            }

            @Override
            public void close() {
            }
        };
        RunResult result = new LoadRunner(spec(10, 1, 0), Progress.NONE).run(broken);

        assertThat(result.completed()).isZero();
        assertThat(result.errors()).isEqualTo(1);
        assertThat(result.firstError()).hasValue("IOException: connection refused");
    }

    /**
     * Pipelined operations that complete only when the window is full, all at once: the runner must fill the
     * window exactly (never more) before anything completes, whatever the scheduling.
     */
    private static final class WindowWorkload implements Workload {
        final int window;
        final List<CompletableFuture<Void>> outstanding = new ArrayList<>();
        final AtomicInteger widest = new AtomicInteger();
        final Set<Long> sequences = ConcurrentHashMap.newKeySet();
        final long failEvery;
        final long neverComplete;

        WindowWorkload(int window, long failEvery, long neverComplete) {
            this.window = window;
            this.failEvery = failEvery;
            this.neverComplete = neverComplete;
        }

        @Override
        public String name() {
            return "window";
        }

        @Override
        public Operation newOperation(int thread) {
            throw new UnsupportedOperationException("pipelined only");
        }

        @Override
        public PipelinedOperation newPipelinedOperation(int thread) {
            return sequence -> {
                sequences.add(sequence);
                if (sequence == neverComplete) {
                    return new CompletableFuture<>();
                }
                if (failEvery > 0 && (sequence + 1) % failEvery == 0) {
                    return CompletableFuture.failedFuture(new IllegalStateException("boom " + (sequence + 1)));
                }
                CompletableFuture<Void> confirm = new CompletableFuture<>();
                synchronized (outstanding) {
                    outstanding.add(confirm);
                    widest.accumulateAndGet(outstanding.size(), Math::max);
                    if (outstanding.size() == window) {
                        // Complete on another thread, as confirms and replies arrive on the client library's.
                        List<CompletableFuture<Void>> batch = List.copyOf(outstanding);
                        outstanding.clear();
                        CompletableFuture.runAsync(() -> batch.forEach(f -> f.complete(null)));
                    }
                }
                return confirm;
            };
        }

        @Override
        public void close() {
        }
    }

    @Test
    void keepsExactlyTheWindowOutstandingAndTimesEachOperation() throws Exception {
        WindowWorkload workload = new WindowWorkload(16, 0, -1);
        RunResult result = new LoadRunner(pipelined(160, 16, Duration.ofSeconds(30)), Progress.NONE).run(workload);

        assertThat(workload.widest).hasValue(16);
        assertThat(workload.sequences).hasSize(160);
        assertThat(result.completed()).isEqualTo(160);
        assertThat(result.errors()).isZero();
        assertThat(result.inFlight()).isEqualTo(16);
        assertThat(result.latency().p50()).isPositive();
        assertThat(result.latency().max()).isGreaterThanOrEqualTo(result.latency().p50());
    }

    @Test
    void pipelinedFailuresCountAndKeepTheFirstOne() throws Exception {
        RunResult result = new LoadRunner(pipelined(100, 8, Duration.ofSeconds(30)), Progress.NONE)
                .run(new WindowWorkload(1, 10, -1));

        assertThat(result.completed()).isEqualTo(90);
        assertThat(result.errors()).isEqualTo(10);
        assertThat(result.firstError()).hasValue("IllegalStateException: boom 10");
    }

    @Test
    void aPipelinedOperationThatNeverCompletesFailsAtTheDeadline() throws Exception {
        RunResult result = new LoadRunner(pipelined(50, 4, Duration.ofMillis(300)), Progress.NONE)
                .run(new WindowWorkload(1, 0, 7));

        assertThat(result.completed()).isEqualTo(49);
        assertThat(result.errors()).isEqualTo(1);
        assertThat(result.firstError()).hasValueSatisfying(e -> assertThat(e).startsWith("TimeoutException"));
    }

    @Test
    void progressLineShowsShareAndRate() {
        assertThat(ProgressBar.render("oslo4j", 500, 1000, 2.0))
                .isEqualTo("oslo4j [###############               ]  50% 500/1000 250/s");
        assertThat(ProgressBar.render("x", 1200, 1000, 0)).contains("100%");
    }

    @Test
    void badSpecsAreRefusedNamingTheOption() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> spec(0, 1, 0))
                .hasMessageContaining("--messages");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> spec(1, 0, 0))
                .hasMessageContaining("--threads");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> pipelined(1, 0, Duration.ofSeconds(1)))
                .hasMessageContaining("--in-flight must be at least 1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> pipelined(1, 10_001, Duration.ofSeconds(1)))
                .hasMessageContaining("--in-flight must be at most 10000");
    }
}
