package dev.oslo4j.cli.conformance.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A stand-in suite for {@code ConformanceRunnerTest}: one test of each outcome. Its name keeps surefire from
 * running it directly (it fails on purpose).
 */
@DisplayName("SampleSuite")
public class SampleSuite {

    @Test
    @DisplayName("sees the broker under test")
    void seesTheUrl() {
        assertEquals("rabbit://guest:guest@127.0.0.1:1/", System.getProperty("oslo4j.conformance.url"));
    }

    @Test
    @DisplayName("fails on purpose")
    void failsOnPurpose() {
        fail("expected failure\nsecond line");
    }

    @Test
    @DisplayName("skips on purpose")
    void skipsOnPurpose() {
        Assumptions.abort("Python is not installed");
    }

    @Test
    @Disabled("not today")
    void disabled() {
    }
}
