package dev.oslo4j.junit.internal;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One expectation of an assertion about recorded messages.
 *
 * @param expectation how it reads in a failure message, e.g. {@code with arg "instance_id" = "uuid-1"}; empty
 *                    when the headline already says it
 * @param mismatch    null when a message satisfies it, else what differs, e.g. {@code arg "instance_id" was "u2"}
 * @param <R>         the kind of message it applies to
 */
public record Criterion<R>(String expectation, Function<R, String> mismatch) {

    public Criterion {
        Objects.requireNonNull(expectation, "expectation");
        Objects.requireNonNull(mismatch, "mismatch");
    }

    /**
     * A criterion running a test's own requirement (AssertJ assertions, say) on a value taken from the message.
     *
     * @param what names the value in mismatches, e.g. {@code arg "flavor"}
     */
    public static <R> Criterion<R> satisfying(String expectation, String what,
                                              Function<R, JsonNode> value,
                                              Consumer<JsonNode> requirement) {
        return new Criterion<>(expectation, m -> {
            JsonNode actual = value.apply(m);
            if (actual == null || actual.isMissingNode()) {
                return what + " is absent";
            }
            try {
                requirement.accept(actual);
                return null;
            } catch (AssertionError | RuntimeException e) {
                return what + " " + JsonValues.render(actual) + " did not satisfy the requirement: "
                        + firstLines(String.valueOf(e.getMessage()));
            }
        });
    }

    /** What differs, or null; a check that throws counts as a mismatch showing the exception. */
    String check(R message) {
        try {
            return mismatch.apply(message);
        } catch (AssertionError | RuntimeException e) {
            return firstLines(String.valueOf(e.getMessage()));
        }
    }

    /** The first lines of a (possibly long, AssertJ-formatted) message, stripped; the report indents them. */
    public static String firstLines(String text) {
        String trimmed = text.strip();
        String[] lines = trimmed.split("\\R");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length && i < 8; i++) {
            if (i > 0) {
                out.append('\n');
            }
            out.append(lines[i].strip());
        }
        if (lines.length > 8) {
            out.append(" …");
        }
        return out.toString();
    }
}
