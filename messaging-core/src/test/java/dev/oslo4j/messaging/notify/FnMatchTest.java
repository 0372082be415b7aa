package dev.oslo4j.messaging.notify;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FnMatchTest {

    private static boolean m(String glob, String name) {
        return new FnMatch(glob).matches(name);
    }

    @Test
    void starMatchesAnyRunIncludingDots() {
        assertThat(m("compute.*", "compute.instance.create.end")).isTrue();
        assertThat(m("*.end", "compute.instance.create.end")).isTrue();
        assertThat(m("compute.*", "compute")).isFalse();
        assertThat(m("*", "")).isTrue();
    }

    @Test
    void wholeNameMustMatchAndCaseCounts() {
        assertThat(m("compute", "compute.instance")).isFalse();
        assertThat(m("Compute.*", "compute.x")).isFalse();
    }

    @Test
    void questionMarkAndClasses() {
        assertThat(m("err?r", "error")).isTrue();
        assertThat(m("[ew]x*", "warn")).isFalse();
        assertThat(m("[ew]*", "warn")).isTrue();
        assertThat(m("[!ew]*", "warn")).isFalse();
        assertThat(m("[!ew]*", "info")).isTrue();
        assertThat(m("[a-c]*", "critical")).isTrue();
    }

    @Test
    void regexCharactersAreLiteral() {
        assertThat(m("a.b", "axb")).isFalse();
        assertThat(m("a+b(c)", "a+b(c)")).isTrue();
        assertThat(m("[", "[")).isTrue();
        assertThat(m("[^a]", "^")).isTrue();
    }
}
