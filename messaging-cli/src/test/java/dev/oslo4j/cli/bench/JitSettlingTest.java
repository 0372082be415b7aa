package dev.oslo4j.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class JitSettlingTest {

    @Test
    void quietMeansCompilingUnderFivePercentOfTheWindow() {
        assertThat(JitSettling.quiet(0, 500)).isTrue();
        assertThat(JitSettling.quiet(24, 500)).isTrue();
        assertThat(JitSettling.quiet(25, 500)).isFalse();
        assertThat(JitSettling.quiet(400, 500)).isFalse();
    }

    @Test
    void aZeroLimitSettlesAtOnceAfterTheFirstAsk() {
        JitSettling settling = new JitSettling(Duration.ZERO);
        settling.getAsBoolean(); // starts the clock (true unless monitoring is unsupported)
        assertThat(settling.getAsBoolean()).isFalse();
        assertThat(settling.getAsBoolean()).isFalse();
    }
}
