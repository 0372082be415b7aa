package dev.oslo4j.conformance.python;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PythonAvailabilityTest {

    @Test
    void aMissingInterpreterIsUnavailableWithAReasonNamingIt() {
        PythonAvailability.Probe probe = PythonAvailability.runProbe(Path.of("/nonexistent/oslo4j/python3"));
        assertThat(probe.available()).isFalse();
        assertThat(probe.reason()).startsWith("/nonexistent/oslo4j/python3 cannot be run (");
    }

    @Test
    void anInterpreterWithoutOsloMessagingIsUnavailableWithTheImportError() {
        // /bin/sh stands in for a python3 that fails the probe
        PythonAvailability.Probe probe = PythonAvailability.runProbe(Path.of("/bin/sh"));
        assertThat(probe.available()).isFalse();
        assertThat(probe.reason()).startsWith("/bin/sh cannot import oslo_messaging (")
                .endsWith("); install Debian's python3-oslo.messaging");
    }

    @Test
    @RequiresPython
    void theDebianInterpreterHasOsloMessaging14() {
        assertThat(PythonAvailability.probe().osloVersion()).startsWith("14.");
    }
}
