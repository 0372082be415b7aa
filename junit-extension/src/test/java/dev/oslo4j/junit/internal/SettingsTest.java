package dev.oslo4j.junit.internal;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {

    private static final Settings EMBEDDED = Settings.defaults().withBroker("embedded");

    @Test
    void optionsBecomeAnEncodedQueryInOrderLaterOnesWinning() {
        Settings s = EMBEDDED.withOption("control_exchange", "nova & co")
                .withOption("rpc_response_timeout", "2")
                .withOption("control_exchange", "nova");
        assertThat(s.query()).isEqualTo("?rpc_response_timeout=2&control_exchange=nova");
        assertThat(s.controlExchange()).isEqualTo("nova");
        assertThat(EMBEDDED.withOption("control_exchange", "a b&c").query()).isEqualTo("?control_exchange=a%20b%26c");
        assertThat(EMBEDDED.query()).isEmpty();
        assertThat(EMBEDDED.controlExchange()).isEqualTo("openstack");
    }

    @Test
    void passwordsNeverShow() {
        Settings s = EMBEDDED.withBroker("rabbit://nova:s3cret@rabbit1:5672/");
        assertThat(s.toString()).contains("rabbit://nova:****@rabbit1:5672/").doesNotContain("s3cret");
        assertThat(s.maskedBrokerUrl()).doesNotContain("s3cret");
    }

    @Test
    void durationsMustBePositive() {
        assertThatThrownBy(() -> EMBEDDED.withQuietPeriod(Duration.ofMillis(-1)))
                .hasMessage("quiet period must be positive, got PT-0.001S");
        assertThat(EMBEDDED.withAwaitTimeout(Duration.ofSeconds(1)).awaitTimeout()).hasSeconds(1);
    }
}
