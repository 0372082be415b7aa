package dev.oslo4j.messaging.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oslo4j.broker.EmbeddedBroker;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.RpcServer;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 15 §1: on a one-CPU JVM ({@code -XX:ActiveProcessorCount=1}, where CompletableFuture's default executor
 * starts a thread per task), 100 000 {@code castAsync} complete on the transport's bounded completion pool: a
 * forked JVM runs them on an embedded broker and reports its thread figures, which must stay bounded.
 */
class AsyncOnOneCpuIT {

    private static final int CASTS = Integer.getInteger("oslo4j.oneCpu.casts", 100_000);
    private static final Pattern REPORT = Pattern.compile(
            "cpus=(\\d+) casts=(\\d+) confirmed=(\\d+) failed=(\\d+) processed=(\\d+) peakThreads=(\\d+)"
                    + " startedDuringCasts=(\\d+) completionThreads=(\\d+) completers=(\\S+)");

    @Test
    void hundredThousandCastAsyncKeepTheThreadCountBoundedOnOneCpu() throws Exception {
        Path out = Files.createTempFile("oslo4j-one-cpu", ".txt");
        try {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:ActiveProcessorCount=1", "-Xmx512m",
                    "-cp", System.getProperty("java.class.path"),
                    Child.class.getName(), String.valueOf(CASTS)));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            try {
                assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("child JVM finished within 5 minutes").isTrue();
            } finally {
                p.destroyForcibly();
            }
            String text = Files.readString(out, StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as("child exit code; its output:%n%s", text).isZero();
            Matcher m = REPORT.matcher(text);
            assertThat(m.find()).as("child report in:%n%s", text).isTrue();
            System.out.println("[one cpu] " + m.group());
            assertThat(Integer.parseInt(m.group(1))).as("availableProcessors in the child").isEqualTo(1);
            assertThat(Long.parseLong(m.group(3))).as("confirmed").isEqualTo(CASTS);
            assertThat(Long.parseLong(m.group(4))).as("failed").isZero();
            assertThat(Long.parseLong(m.group(5))).as("processed").isEqualTo(CASTS);
            // a thread per completion would start ~CASTS threads; the pools here are bounded
            assertThat(Long.parseLong(m.group(7))).as("threads started while casting").isLessThan(100);
            assertThat(Integer.parseInt(m.group(6))).as("peak live threads").isLessThan(150);
            assertThat(m.group(9).split(",")).as("threads that completed castAsync futures")
                    .allMatch(name -> name.startsWith("oslo4j-completion-"));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** The forked JVM: embedded broker, an RPC server counting casts, CASTS castAsync with 1 000 in flight. */
    public static final class Child {
        public static final class Counter {
            final AtomicInteger seen = new AtomicInteger();

            public void record(int n) {
                seen.incrementAndGet();
            }
        }

        public static void main(String[] args) throws Exception {
            int casts = Integer.parseInt(args[0]);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            Counter counter = new Counter();
            AtomicLong confirmed = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            java.util.Set<String> completers = java.util.concurrent.ConcurrentHashMap.newKeySet();
            try (EmbeddedBroker broker = EmbeddedBroker.start();
                 Transport server = Transport.open(broker.transportUrl());
                 Transport client = Transport.open(broker.transportUrl());
                 RpcServer rpc = RpcServer.builder(server, Target.topic("one-cpu").withServer("s1"))
                         .endpoint(counter).build().start()) {
                RpcClient c = RpcClient.builder(client, Target.topic("one-cpu")).build();
                c.cast(Map.of(), "record", Map.of("n", -1)); // connections, channels and pools are up
                threads.resetPeakThreadCount();
                long startedBefore = threads.getTotalStartedThreadCount();
                Semaphore window = new Semaphore(1_000);
                for (int i = 0; i < casts; i++) {
                    if (!window.tryAcquire(2, TimeUnit.MINUTES)) {
                        throw new IllegalStateException("no cast confirmed for 2 minutes at " + i);
                    }
                    c.castAsync(Map.of(), "record", Map.of("n", i)).whenComplete((v, e) -> {
                        completers.add(Thread.currentThread().getName().replaceAll("\\d+$", ""));
                        (e == null ? confirmed : failed).incrementAndGet();
                        window.release();
                    });
                }
                if (!window.tryAcquire(1_000, 2, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("casts still unconfirmed after 2 minutes");
                }
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
                while (counter.seen.get() < casts + 1 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                long started = threads.getTotalStartedThreadCount() - startedBefore;
                completers.remove(Thread.currentThread().getName().replaceAll("\\d+$", ""));
                System.out.println("cpus=" + Runtime.getRuntime().availableProcessors() + " casts=" + casts
                        + " confirmed=" + confirmed + " failed=" + failed + " processed=" + (counter.seen.get() - 1)
                        + " peakThreads=" + threads.getPeakThreadCount() + " startedDuringCasts=" + started
                        + " completionThreads=" + client.completionThreads()
                        + " completers=" + String.join(",", completers));
            }
            System.exit(0);
        }
    }
}
