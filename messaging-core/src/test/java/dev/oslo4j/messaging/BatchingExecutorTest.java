package dev.oslo4j.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

class BatchingExecutorTest {

    private BatchingExecutor pool;

    @AfterEach
    void stop() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    @Test
    void workQueuedBehindBlockedTasksStillGetsAThreadWhileThreadsAreLeft() throws Exception {
        pool = new BatchingExecutor(4, "t-blocked", 60, TimeUnit.SECONDS);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocked = new CountDownLatch(3);
        for (int i = 0; i < 3; i++) {
            pool.execute(() -> {
                blocked.countDown();
                await(release);
            });
        }
        CountDownLatch ran = new CountDownLatch(1);
        pool.execute(ran::countDown);
        // the three blocked tasks and the fourth need four threads; the watchdog provides those the backlog did not
        assertThat(blocked.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ran.await(10, TimeUnit.SECONDS)).as("a task behind three blocked ones ran").isTrue();
        release.countDown();
        assertThat(pool.threadCount()).isLessThanOrEqualTo(4);
    }

    @Test
    void aBurstOfShortTasksDoesNotWakeAThreadEach() throws Exception {
        pool = new BatchingExecutor(64, "t-burst", 60, TimeUnit.SECONDS);
        Set<String> names = ConcurrentHashMap.newKeySet();
        CountDownLatch done = new CountDownLatch(10_000);
        for (int i = 0; i < 10_000; i++) {
            pool.execute(() -> {
                names.add(Thread.currentThread().getName());
                done.countDown();
            });
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(pool.threadCount()).isLessThanOrEqualTo(64);
        assertThat(names).allMatch(n -> n.startsWith("t-burst-"));
    }

    @Test
    void oneThreadRunsTasksInSubmissionOrder() throws Exception {
        pool = new BatchingExecutor(1, "t-order", 60, TimeUnit.SECONDS);
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 1_000; i++) {
            int n = i;
            pool.execute(() -> seen.add(n));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            expected.add(i);
        }
        assertThat(seen).isEqualTo(expected);
    }

    @Test
    void shutdownRunsWhatWasQueuedThenRefusesAndEndsItsThreads() throws Exception {
        pool = new BatchingExecutor(2, "t-shutdown", 60, TimeUnit.SECONDS);
        CountDownLatch done = new CountDownLatch(100);
        for (int i = 0; i < 100; i++) {
            pool.execute(done::countDown);
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(done.getCount()).isZero();
        assertThat(pool.threadCount()).isZero();
        assertThatThrownBy(() -> pool.execute(() -> { }))
                .isInstanceOf(RejectedExecutionException.class).hasMessageContaining("t-shutdown");
    }

    @Test
    void idleWorkersEndAfterTheKeepAlive() throws Exception {
        pool = new BatchingExecutor(3, "t-idle", 50, TimeUnit.MILLISECONDS);
        CountDownLatch done = new CountDownLatch(30);
        for (int i = 0; i < 30; i++) {
            pool.execute(done::countDown);
        }
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (pool.threadCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(pool.threadCount()).isZero();
        CountDownLatch again = new CountDownLatch(1);
        pool.execute(again::countDown);
        assertThat(again.await(10, TimeUnit.SECONDS)).as("a new worker starts after the old ones ended").isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
