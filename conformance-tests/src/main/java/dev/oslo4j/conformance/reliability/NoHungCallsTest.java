package dev.oslo4j.conformance.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.oslo4j.broker.VirtualHostStatistics;
import dev.oslo4j.conformance.broker.BrokerUnderTest;
import dev.oslo4j.conformance.broker.OnEveryBroker;
import dev.oslo4j.messaging.MessagingOptions;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.RpcServer;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import dev.oslo4j.testsupport.Await;

/**
 * Issue 7 §2 — no hung calls: {@value #CALLERS} threads call an RPC server while every connection is dropped three
 * times and, on the embedded broker, the broker is restarted once. Every call returns or raises a
 * {@code MessagingException} with a message within its timeout + 1 s (each call is timed: a correctness bound, not
 * a speed figure). Afterwards nothing leaked: the library's threads are back to their count before the test, and
 * the broker shows the same connections, consumers and queues as before the faults, channels within the pool's
 * bound, and no connection, channel or consumer once everything is closed. Prints calls ok / failed / longest.
 */
class NoHungCallsTest {

    private static final int CALLERS = 32;
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Duration BOUND = TIMEOUT.plusSeconds(1);
    /** Publish channels per transport: small, so that the channel count has a tight bound. */
    private static final int POOL = 4;
    private static final Duration SETTLE = Duration.ofSeconds(30);

    /** The server's endpoint. */
    public static final class Echo {
        public String echo(String v) {
            return v;
        }
    }

    @OnEveryBroker(dedicated = true)
    void everyCallEndsWithinItsTimeoutAcrossFaultsAndNothingLeaks(BrokerUnderTest broker) throws Exception {
        broker.assumeDropConnectionsSupported();
        String topic = broker.uniqueName("hung");
        MessagingOptions options = MessagingOptions.builder().controlExchange(broker.uniqueName("x"))
                .set("rpc_conn_pool_size", POOL).build();
        int threadsBefore = LibraryThreads.count();
        CallOutcomes calls = new CallOutcomes(BOUND);
        VirtualHostStatistics steady;
        VirtualHostStatistics recovered;
        List<String> faults;
        List<Throwable> crashes;
        try (Transport serverSide = Transport.open(broker.transportUrl(), options);
             Transport clientSide = Transport.open(broker.transportUrl(), options);
             RpcServer ignored = RpcServer.builder(serverSide, Target.topic(topic).withServer("s1"))
                     .endpoint(new Echo()).build().start()) {
            RpcClient client = RpcClient.builder(clientSide, Target.topic(topic)).timeout(TIMEOUT).build();
            try (Workers callers = Workers.start("caller", CALLERS, w -> callOnce(client, w, calls))) {
                Await.until(SETTLE, "calls flow before the faults", () -> calls.ok() >= 500, calls::toString);
                steady = broker.statistics();
                long faultsStarted = System.nanoTime();
                try (Faults injector = Faults.start(broker, () -> (System.nanoTime() - faultsStarted) / 1_000_000,
                        1_000, 4_000, 7_000, 10_000)) {
                    faults = injector.awaitAll(Duration.ofMinutes(2));
                }
                long okAfterFaults = calls.ok();
                Await.until(SETTLE, "calls work again after the faults", () -> calls.ok() >= okAfterFaults + 500,
                        calls::toString);
                callers.stopAndJoin(BOUND.plusSeconds(5));
                crashes = callers.crashes();
            }
            recovered = awaitStatistics(broker, "the broker shows the same connections, consumers and queues as "
                    + "before the faults", s -> s.connections() == steady.connections()
                    && s.consumers() == steady.consumers() && s.queues() == steady.queues());
        }
        VirtualHostStatistics closed = awaitStatistics(broker, "no connection, channel or consumer is left",
                s -> s.connections() == 0 && s.channels() == 0 && s.consumers() == 0);
        Await.until(Duration.ofSeconds(10), "the library's threads are back to " + threadsBefore,
                () -> LibraryThreads.count() <= threadsBefore, () -> LibraryThreads.byName().toString());
        System.out.printf("[%s] no hung calls: %d threads, %d calls: %s (bound %d ms); library threads before %d, "
                        + "after close %d; broker before faults %s, after %s, after close %s; faults: %s%n",
                broker.name(), CALLERS, calls.total(), calls, BOUND.toMillis(), threadsBefore, LibraryThreads.count(),
                steady, recovered, closed, faults);

        assertThat(crashes).as("caller threads that died").isEmpty();
        assertThat(calls.overBound()).as("calls that took longer than timeout + 1 s").isEmpty();
        assertThat(calls.unclear()).as("errors that are not a MessagingException with a message").isEmpty();
        assertThat(faults).hasSize(Faults.count(broker));
        // Each transport: a publish pool of POOL channels at most, plus one channel for retries off the timer thread,
        // plus one listen channel (the server's, the reply queue's).
        assertThat(recovered.channels()).as("channels after the faults").isLessThanOrEqualTo(2 * (POOL + 2));
        // What outlives the transports, as in oslo: the server's shared queues and the reply queue (until x-expires).
        assertThat(closed.queues()).as("queues after closing (the fanout queue is deleted)")
                .isEqualTo(steady.queues() - 1);
    }

    static void callOnce(RpcClient client, int worker, CallOutcomes calls) {
        String v = worker + ":" + System.nanoTime();
        long start = System.nanoTime();
        try {
            String got = client.call(Map.of(), "echo", Map.of("v", v)).textValue();
            long took = System.nanoTime() - start;
            if (!v.equals(got)) {
                throw new AssertionError("call returned " + got + " instead of " + v);
            }
            calls.returned(took);
        } catch (RuntimeException e) {
            calls.raised(System.nanoTime() - start, e);
        }
    }

    private static VirtualHostStatistics awaitStatistics(BrokerUnderTest broker, String what,
                                                         java.util.function.Predicate<VirtualHostStatistics> ok) {
        VirtualHostStatistics[] last = new VirtualHostStatistics[1];
        Await.until(SETTLE, what, () -> ok.test(last[0] = broker.statistics()), () -> String.valueOf(last[0]));
        return last[0];
    }
}
