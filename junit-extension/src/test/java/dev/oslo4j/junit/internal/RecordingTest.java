package dev.oslo4j.junit.internal;

import dev.oslo4j.junit.RecordedMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class RecordingTest {

    private static RawPublish raw(String body) {
        return new RawPublish("x", "k", 1, Map.of(), null, body.getBytes(), Instant.now());
    }

    @Test
    void waitersWakeUpWhenTheMessageTheyWaitForArrives() {
        Recording r = new Recording();
        CompletableFuture.runAsync(() -> r.add(raw("{}")), CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));
        long start = System.nanoTime();
        List<RecordedMessage> got = r.awaitUntil(s -> !s.isEmpty(), start + Duration.ofSeconds(20).toNanos());
        assertThat(got).hasSize(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void aConditionThatNeverHoldsReturnsAtTheDeadlineWithWhatWasRecorded() {
        Recording r = new Recording();
        r.add(raw("[]"));
        long start = System.nanoTime();
        List<RecordedMessage> got = r.awaitUntil(s -> false, start + Duration.ofMillis(150).toNanos());
        assertThat(got).singleElement().satisfies(m -> assertThat(m.sequence()).isEqualTo(1));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }

    @Test
    void sequencesFollowPublishOrderAcrossSnapshots() {
        Recording r = new Recording();
        r.add(raw("1"));
        assertThat(r.snapshot()).hasSize(1);
        r.add(raw("2"));
        r.add(raw("3"));
        assertThat(r.snapshot()).extracting(RecordedMessage::sequence).containsExactly(1, 2, 3);
    }
}
