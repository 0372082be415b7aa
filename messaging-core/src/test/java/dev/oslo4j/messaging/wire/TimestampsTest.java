package dev.oslo4j.messaging.wire;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Expected strings are what Python 3.11's {@code str(datetime)} prints for the same instants. */
class TimestampsTest {

    private static Instant at(String isoSecond, int micros) {
        return Instant.parse(isoSecond).plusNanos(micros * 1000L);
    }

    @Test
    void formatsLikePythonsStrOfANaiveUtcDatetime() {
        assertThat(Timestamps.format(at("2026-11-25T00:39:57Z", 123456))).isEqualTo("2026-11-25 00:39:57.123456");
        assertThat(Timestamps.format(at("2026-11-25T00:39:57Z", 5))).isEqualTo("2026-11-25 00:39:57.000005");
        assertThat(Timestamps.format(at("2026-11-25T00:39:57Z", 10))).isEqualTo("2026-11-25 00:39:57.000010");
        assertThat(Timestamps.format(at("2026-11-25T00:39:57Z", 999999))).isEqualTo("2026-11-25 00:39:57.999999");
    }

    @Test
    void noFractionAtAllWhenTheMicrosecondsAreZero() {
        assertThat(Timestamps.format(at("2026-11-25T00:39:57Z", 0))).isEqualTo("2026-11-25 00:39:57");
        assertThat(Timestamps.format(Instant.parse("1999-01-02T03:04:05.000000999Z"))).isEqualTo("1999-01-02 03:04:05");
    }

    @Test
    void successiveSecondsAreEachFormattedCorrectly() {
        for (int s = 0; s < 3; s++) {
            Instant i = at("2026-11-25T23:59:58Z", 1).plusSeconds(s);
            assertThat(Timestamps.parse(Timestamps.format(i))).isEqualTo(i);
        }
        assertThat(Timestamps.format(at("2026-11-25T23:59:59Z", 1).plusSeconds(1)))
                .isEqualTo("2026-11-26 00:00:00.000001");
    }

    @Test
    void nowIsInPythonsShape() {
        assertThat(Timestamps.now()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?");
    }

    @Test
    void parseAcceptsBothSeparatorsAndRejectsGarbageWithTheValueNamed() {
        assertThat(Timestamps.parse("2026-11-25T00:39:57.5")).isEqualTo(at("2026-11-25T00:39:57Z", 500000));
        assertThatThrownBy(() -> Timestamps.parse("yesterday")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'yesterday'");
    }
}
