package dev.oslo4j.messaging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PriorityTest {

    @Test
    void wireAndRoutingNamesAreWhatPythonWrites() {
        assertThat(Priority.values()).extracting(Priority::wireName)
                .containsExactly("AUDIT", "DEBUG", "INFO", "WARN", "ERROR", "CRITICAL", "SAMPLE");
        assertThat(Priority.values()).extracting(Priority::routingName)
                .containsExactly("audit", "debug", "info", "warn", "error", "critical", "sample");
    }

    @Test
    void warningIsAcceptedAsWarnOnInputInAnyCase() {
        assertThat(Priority.of("warning")).isEqualTo(Priority.WARN);
        assertThat(Priority.of("WARNING")).isEqualTo(Priority.WARN);
        assertThat(Priority.of(" Info ")).isEqualTo(Priority.INFO);
        assertThat(Priority.find("nope")).isEmpty();
        assertThat(Priority.find(null)).isEmpty();
    }

    @Test
    void unknownNameIsRejectedWithTheValueNamed() {
        assertThatThrownBy(() -> Priority.of("fatal"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'fatal'").hasMessageContaining("warn (or warning)");
    }

    @Test
    void receivedPrioritiesFollowPythonsListenerRule() {
        assertThat(Priority.fromReceived("INFO")).contains(Priority.INFO);
        assertThat(Priority.fromReceived("Warn")).contains(Priority.WARN);
        // Python lower-cases and looks the value up among the seven names: "warning" is unknown there
        assertThat(Priority.fromReceived("WARNING")).isEmpty();
        assertThat(Priority.fromReceived("")).isEmpty();
        assertThat(Priority.fromReceived(null)).isEmpty();
    }
}
