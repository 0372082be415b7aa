package dev.oslo4j.junit;

import dev.oslo4j.messaging.Notifier;
import dev.oslo4j.messaging.Priority;
import dev.oslo4j.messaging.RpcClient;
import dev.oslo4j.messaging.Target;
import dev.oslo4j.messaging.Transport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many tests at once, all on the same topic, queue and exchange names: each sees only its own casts, calls,
 * replies and notifications, and only its own stub answers it.
 */
@ExtendWith(OsloBroker.class)
@Execution(ExecutionMode.CONCURRENT)
class ParallelIsolationTest {

    private static final Target SHARED = Target.topic("shared");
    private static final AtomicInteger IN_FLIGHT = new AtomicInteger();
    private static final AtomicInteger MAX_IN_FLIGHT = new AtomicInteger();

    static IntStream ids() {
        return IntStream.range(0, 24);
    }

    @ParameterizedTest
    @MethodSource("ids")
    void eachTestSeesOnlyItsOwnMessages(int id, Transport transport, OsloBus bus) throws Exception {
        MAX_IN_FLIGHT.accumulateAndGet(IN_FLIGHT.incrementAndGet(), Math::max);
        try {
            awaitCompany();
            bus.stubServer(SHARED).on("whoami").reply(id);
            RpcClient client = RpcClient.builder(transport, SHARED).timeout(Duration.ofSeconds(20)).build();
            Map<String, Object> ctx = Map.of("request_id", "req-" + id);

            client.cast(ctx, "work", Map.of("id", id));
            assertThat(client.call(ctx, "whoami", Map.of("id", id)).asInt()).as("answered by my own stub")
                    .isEqualTo(id);
            Notifier.builder(transport).publisherId("p" + id).build().info(ctx, "did.work", Map.of("id", id)).join();

            bus.assertCastReceived(SHARED, "work").withArg("id", id).times(1);
            bus.assertNotified(Priority.INFO).withPayload("id", id).times(1);
            bus.assertNoCast(SHARED, "other");

            assertThat(bus.casts()).singleElement().satisfies(c -> assertThat(c.arg("id").asInt()).isEqualTo(id));
            assertThat(bus.calls()).singleElement().satisfies(c -> assertThat(c.arg("id").asInt()).isEqualTo(id));
            assertThat(bus.replies()).singleElement().satisfies(r -> assertThat(r.result().asInt()).isEqualTo(id));
            assertThat(bus.notifications()).singleElement()
                    .satisfies(n -> assertThat(n.payload().get("id").asInt()).isEqualTo(id));
            assertThat(bus.messages()).hasSize(4);
            assertThat(bus.messages()).filteredOn(m -> m instanceof RecordedRequest)
                    .allSatisfy(m -> assertThat(((RecordedRequest) m).context().get("request_id").asText())
                            .isEqualTo("req-" + id));
        } finally {
            IN_FLIGHT.decrementAndGet();
        }
    }

    /** Waits (boundedly) until another test runs too, so the tests really overlap. */
    private static void awaitCompany() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (IN_FLIGHT.get() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    @AfterAll
    static void testsReallyRanConcurrently() {
        assertThat(MAX_IN_FLIGHT.get()).as("tests in flight at once").isGreaterThanOrEqualTo(2);
    }
}
