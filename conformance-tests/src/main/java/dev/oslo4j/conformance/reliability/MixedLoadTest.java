package dev.oslo4j.conformance.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.junit.jupiter.api.Assumptions;

import dev.oslo4j.broker.VirtualHostStatistics;
import dev.oslo4j.conformance.broker.BrokerUnderTest;
import dev.oslo4j.conformance.broker.OnEveryBroker;
import dev.oslo4j.messaging.MessagingOptions;
import dev.oslo4j.messaging.Notification;
import dev.oslo4j.messaging.NotificationListener;
import dev.oslo4j.messaging.Notifier;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.RpcServer;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import dev.oslo4j.testsupport.Await;

/**
 * Issue 7 §7 — load: {@value #THREADS} threads send a mix of calls, casts and notifications to RabbitMQ for
 * {@code -Doslo4j.reliability.loadSeconds} (default 60, as the issue asks) after a warm-up of
 * {@code -Doslo4j.reliability.warmupSeconds} (default 10). Zero errors, every cast and notification processed; at
 * the quiet points before and after, heap after GC within 10 %, no more library threads, and the same broker
 * connections, consumers and queues. Prints ops by kind, rate, heap, threads and queues at start and end.
 * RabbitMQ only: the embedded broker's throughput is measured by the benchmarks, not here.
 */
class MixedLoadTest {

    private static final int THREADS = 32;
    /** Server and listener executors: small enough to be full after the warm-up, so the thread count is steady. */
    private static final int EXECUTOR_THREADS = 16;
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final double HEAP_TOLERANCE = 0.10;

    enum Kind { CALL, CAST, NOTIFY }

    /** Per kind: operations done, errors, and the first few errors. */
    static final class Counts {
        final LongAdder[] ok = {new LongAdder(), new LongAdder(), new LongAdder()};
        final LongAdder[] failed = {new LongAdder(), new LongAdder(), new LongAdder()};
        final List<String> firstErrors = new CopyOnWriteArrayList<>();

        void failed(Kind kind, Throwable e) {
            failed[kind.ordinal()].increment();
            if (firstErrors.size() < 10) {
                firstErrors.add(kind + ": " + e);
            }
        }

        long ok(Kind kind) {
            return ok[kind.ordinal()].sum();
        }

        long failed() {
            return failed[0].sum() + failed[1].sum() + failed[2].sum();
        }

        long total() {
            return ok(Kind.CALL) + ok(Kind.CAST) + ok(Kind.NOTIFY) + failed();
        }

        @Override
        public String toString() {
            return "calls " + ok(Kind.CALL) + ", casts " + ok(Kind.CAST) + ", notifications " + ok(Kind.NOTIFY)
                    + ", errors " + failed() + (firstErrors.isEmpty() ? "" : " e.g. " + firstErrors);
        }
    }

    /** The server's endpoint: answers calls, counts casts. */
    public static final class Service {
        final LongAdder casts = new LongAdder();

        public String echo(String v) {
            return v;
        }

        public void record(String v) {
            casts.increment();
        }
    }

    /** The listener's endpoint: counts notifications. */
    public static final class Received {
        final LongAdder notifications = new LongAdder();

        public void info(Notification n) {
            notifications.increment();
        }
    }

    @OnEveryBroker
    void mixedTrafficFrom32ThreadsHasNoErrorsAndSteadyResources(BrokerUnderTest shared) throws Exception {
        Assumptions.assumeFalse(shared.name().equals("embedded"),
                "issue 7 §7 is a RabbitMQ load test; the embedded broker's throughput is in the benchmarks");
        BrokerUnderTest broker = shared.supportsStatistics() || shared.name().equals("url") ? shared
                : shared.withDedicatedVirtualHost();
        Duration warmup = Duration.ofSeconds(Integer.getInteger("oslo4j.reliability.warmupSeconds", 10));
        Duration load = Duration.ofSeconds(Integer.getInteger("oslo4j.reliability.loadSeconds", 60));
        String topic = broker.uniqueName("load");
        MessagingOptions options = MessagingOptions.builder().controlExchange(broker.uniqueName("x")).build();
        Service service = new Service();
        Received received = new Received();
        try (Transport serverSide = Transport.open(broker.transportUrl(), options);
             Transport clientSide = Transport.open(broker.transportUrl(), options);
             RpcServer ignored = RpcServer.builder(serverSide, Target.topic(topic).withServer("s1"))
                     .executorThreads(EXECUTOR_THREADS).endpoint(service).build().start();
             NotificationListener alsoIgnored = NotificationListener.builder(serverSide).target(Target.topic(topic))
                     .executorThreads(EXECUTOR_THREADS).endpoint(received).build().start()) {
            RpcClient client = RpcClient.builder(clientSide, Target.topic(topic)).timeout(CALL_TIMEOUT).build();
            Notifier notifier = Notifier.builder(clientSide).publisherId("load").topics(topic).build();

            Counts warm = run(client, notifier, warmup);
            awaitProcessed(service, received, warm, warm);
            long heapStart = HeapAfterGc.bytes();
            int threadsStart = LibraryThreads.count();
            java.util.Map<String, Integer> threadsStartByName = LibraryThreads.byName();
            VirtualHostStatistics brokerStart = statistics(broker);

            Counts counts = run(client, notifier, load);
            awaitProcessed(service, received, warm, counts);
            long heapEnd = HeapAfterGc.bytes();
            int threadsEnd = LibraryThreads.count();
            java.util.Map<String, Integer> threadsEndByName = LibraryThreads.byName();
            VirtualHostStatistics brokerEnd = statistics(broker);

            System.out.printf("[%s] mixed load: %d threads for %d s (after %d s warm-up): %s; %.0f ops/s; heap after "
                            + "GC %s -> %s (%+.1f %%); library threads %d -> %d; broker %s -> %s%n", broker.name(),
                    THREADS, load.toSeconds(), warmup.toSeconds(), counts, counts.total() / (double) load.toSeconds(),
                    HeapAfterGc.mb(heapStart), HeapAfterGc.mb(heapEnd), 100.0 * (heapEnd - heapStart) / heapStart,
                    threadsStart, threadsEnd, brokerStart, brokerEnd);

            assertThat(counts.failed()).as("errors: %s", counts.firstErrors).isZero();
            assertThat(counts.ok(Kind.CALL)).isPositive();
            assertThat(heapEnd).as("heap after GC at the end (start %s)", HeapAfterGc.mb(heapStart))
                    .isLessThanOrEqualTo(Math.round(heapStart * (1 + HEAP_TOLERANCE)));
            // Endpoint pools are elastic (workers start with the backlog, up to the configured size, and end when
            // idle), so they may hold more threads after a burst than before it; a leak is a pool above its size or
            // any other library thread (connections, timers) that was not there at the start.
            threadsEndByName.forEach((name, count) -> {
                boolean endpointPool = name.startsWith("oslo4j-rpc-") || name.startsWith("oslo4j-notify-");
                assertThat(count).as("library threads %s at the end: %s (start: %s)", name, threadsEndByName,
                                threadsStartByName)
                        .isLessThanOrEqualTo(endpointPool ? EXECUTOR_THREADS : threadsStartByName.getOrDefault(name, 0));
            });
            if (brokerStart != null) {
                assertThat(brokerEnd.queues()).as("queues").isEqualTo(brokerStart.queues());
                assertThat(brokerEnd.consumers()).as("consumers").isEqualTo(brokerStart.consumers());
                assertThat(brokerEnd.connections()).as("connections").isEqualTo(brokerStart.connections());
            }
        }
    }

    /** {@value #THREADS} threads, each repeating call, cast, notify, for {@code duration}; then all have stopped. */
    private static Counts run(RpcClient client, Notifier notifier, Duration duration) throws Exception {
        Counts counts = new Counts();
        try (Workers workers = Workers.start("load", THREADS, w -> {
            for (Kind kind : Kind.values()) {
                try {
                    switch (kind) {
                        case CALL -> client.call(Map.of(), "echo", Map.of("v", "x"));
                        case CAST -> client.cast(Map.of(), "record", Map.of("v", "x"));
                        case NOTIFY -> notifier.info(Map.of(), "reliability.load", Map.of("n", w))
                                .get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                    }
                    counts.ok[kind.ordinal()].increment();
                } catch (RuntimeException | java.util.concurrent.ExecutionException
                         | java.util.concurrent.TimeoutException e) {
                    counts.failed(kind, e);
                }
            }
        })) {
            Thread.sleep(duration.toMillis()); // the load phase itself: a duration, not a wait for a condition
            workers.stopAndJoin(CALL_TIMEOUT.plusSeconds(5));
            assertThat(workers.crashes()).as("load threads that died").isEmpty();
        }
        return counts;
    }

    /** Waits until the server and listener processed every cast and notification sent so far. */
    private static void awaitProcessed(Service service, Received received, Counts warm, Counts counts) {
        long casts = warm.ok(Kind.CAST) + (counts == warm ? 0 : counts.ok(Kind.CAST));
        long notifications = warm.ok(Kind.NOTIFY) + (counts == warm ? 0 : counts.ok(Kind.NOTIFY));
        Await.until(Duration.ofMinutes(2), "every cast and notification was processed",
                () -> service.casts.sum() >= casts && received.notifications.sum() >= notifications,
                () -> service.casts.sum() + "/" + casts + " casts, " + received.notifications.sum() + "/"
                        + notifications + " notifications");
    }

    private static VirtualHostStatistics statistics(BrokerUnderTest broker) {
        return broker.supportsStatistics() ? broker.statistics() : null;
    }
}
