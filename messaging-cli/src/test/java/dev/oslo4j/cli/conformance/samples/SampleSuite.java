package dev.oslo4j.cli.conformance.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A stand-in suite for {@code ConformanceRunnerTest}: one test of each outcome. It fails on purpose, so it
 * only runs when the runner names a broker (its name already keeps surefire's default includes off it).
 */
@DisplayName("SampleSuite")
@EnabledIfSystemProperty(named = "oslo4j.conformance.url", matches = ".+")
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
