package dev.oslo4j.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oslo4j.messaging.TransportURL;
import dev.oslo4j.cli.bench.raw.RawBroker;
import dev.oslo4j.cli.bench.raw.RawPublishConsume;
import dev.oslo4j.cli.bench.raw.RawRequestReply;
import dev.oslo4j.testsupport.Requirements;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bare amqp-client baselines really move messages through the shared RabbitMQ. */
class RawBaselinesTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private RawBroker broker;

    @BeforeEach
    void broker() throws Exception {
        broker = RawBroker.forUrl(TransportURL.parse(Requirements.requireRabbitMq()));
    }

    private static LoadSpec spec(int threads) {
        return spec(threads, 1);
    }

    private static LoadSpec spec(int threads, int inFlight) {
        return new LoadSpec(300, threads, 64, 30, TIMEOUT, 10, inFlight);
    }

    @Test
    void pipelinedRequestsAreEachAnswered() throws Exception {
        LoadSpec spec = spec(2, 16);
        try (RawRequestReply workload = new RawRequestReply(broker, RawRequestReply.serverThreadsFor(spec),
                Payloads.bytes(64), TIMEOUT)) {
            RunResult result = new LoadRunner(spec, Progress.NONE).run(workload);
            assertThat(result.errors()).as(result.firstError().orElse("")).isZero();
            assertThat(result.completed()).isEqualTo(300);
            assertThat(result.inFlight()).isEqualTo(16);
        }
    }

    @Test
    void pipelinedPublishesAreEachConfirmedAndConsumed() throws Exception {
        try (RawPublishConsume workload = new RawPublishConsume(broker, Payloads.bytes(64), TIMEOUT)) {
            RunResult result = new LoadRunner(spec(2, 16), Progress.NONE).run(workload);
            assertThat(result.errors()).as(result.firstError().orElse("")).isZero();
            assertThat(result.completed()).isEqualTo(300);
            assertThat(workload.awaitProcessed(330, Duration.ofMillis(1))).isEqualTo(330);
        }
    }

    @Test
    void requestReplyAnswersEveryCall() throws Exception {
        try (RawRequestReply workload = new RawRequestReply(broker, 4, Payloads.bytes(64), TIMEOUT)) {
            RunResult result = new LoadRunner(spec(4), Progress.NONE).run(workload);
            assertThat(result.errors()).as(result.firstError().orElse("")).isZero();
            assertThat(result.completed()).isEqualTo(300);
            assertThat(result.latency().p50()).isPositive();
        }
    }

    @Test
    void confirmedPublishingIsCountedOnlyOnceConsumed() throws Exception {
        try (RawPublishConsume workload = new RawPublishConsume(broker, Payloads.bytes(64), TIMEOUT)) {
            RunResult result = new LoadRunner(spec(2), Progress.NONE).run(workload);
            assertThat(result.errors()).as(result.firstError().orElse("")).isZero();
            assertThat(result.completed()).isEqualTo(300);
            assertThat(workload.awaitProcessed(330, Duration.ofMillis(1))).isEqualTo(330);
        }
    }
}
