package dev.oslo4j.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** The per-message CPU and context-switch figures come from the JVM's own threads, read from /proc. */
class ResourceUseTest {

    @Test
    void countsTheCpuAndTheContextSwitchesOfThisJvmsThreads() throws Exception {
        assumeThat(Files.isDirectory(Path.of("/proc/self/task"))).as("Linux /proc").isTrue();
        ResourceUse.Reading before = ResourceUse.read();
        long sum = 0;
        // busy for 300 ms of this thread's own CPU time, however loaded the machine is
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long until = threads.getCurrentThreadCpuTime() + 300_000_000L;
        while (threads.getCurrentThreadCpuTime() < until) {
            sum += Long.numberOfTrailingZeros(System.nanoTime());
        }
        CountDownLatch parked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread sleeper = new Thread(() -> {
            for (int i = 0; i < 50; i++) {
                LockSupport.parkNanos(100_000);
            }
            parked.countDown();
            try {
                release.await(); // alive at the second reading: an ended thread's counters are gone
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        sleeper.start();
        ResourceUse use;
        try {
            assertThat(parked.await(30, TimeUnit.SECONDS)).isTrue();
            use = before.until(ResourceUse.read(), 10).orElseThrow();
        } finally {
            release.countDown();
            sleeper.join();
        }

        assertThat(sum).isPositive();
        // 300 ms of busy CPU over 10 messages is at least ~20 ms each (ticks are 10 ms; allow for a slow start)
        assertThat(use.cpuMicrosPerMessage()).isGreaterThan(20_000);
        // the sleeper parked 50 times: each park is a voluntary switch, and it was started after the first reading
        assertThat(use.contextSwitchesPerMessage()).isGreaterThanOrEqualTo(5.0);
    }

    @Test
    void noMessagesNoFigures() {
        ResourceUse.Reading now = ResourceUse.read();
        assertThat(now.until(now, 0)).isEmpty();
    }
}
