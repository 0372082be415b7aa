package dev.oslo4j.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oslo4j.junit.internal.AssertionErrors;
import dev.oslo4j.junit.internal.Criterion;
import dev.oslo4j.junit.internal.Expectation;
import dev.oslo4j.junit.internal.FailureReport;
import dev.oslo4j.junit.internal.JsonValues;
import dev.oslo4j.junit.internal.Recording;
import org.assertj.core.api.Descriptable;
import org.assertj.core.description.Description;

import java.time.Duration;
import java.util.List;

import static dev.oslo4j.junit.internal.MessageText.quote;

/**
 * The waiting, narrowing assertion behind {@link OsloBus#assertCastReceived}, {@link OsloBus#assertCalled} and
 * {@link OsloBus#assertNotified}. Every step — the first one and each narrowing ({@code withArg}, {@code times},
 * …) — waits until some recorded message satisfies everything asked so far, or fails when the assertion's deadline
 * (set when it started; {@link OsloBrokerConfig#awaitTimeoutMillis()}) passes. The failure lists what was expected
 * and every message recorded during the test, nearest match first, with what differs.
 *
 * <p>{@link #as(String, Object...)} adds a description in front of the failure message, as in AssertJ.
 *
 * @param <SELF> the concrete assertion type, for fluent chaining
 * @param <R>    the kind of recorded message asserted on
 */
public abstract class MessageAssert<SELF extends MessageAssert<SELF, R>, R extends RecordedMessage>
        implements Descriptable<SELF> {

    private final Recording recording;
    private final Expectation<R> expectation;
    private final Duration timeout;
    private final long deadline;
    private Integer times;
    private Description description;

    MessageAssert(Recording recording, Expectation<R> expectation, Duration timeout, Description description) {
        this.recording = recording;
        this.expectation = expectation;
        this.timeout = timeout;
        this.deadline = System.nanoTime() + timeout.toNanos();
        this.description = description;
    }

    /** The context of a message, for {@link #withContext}. */
    abstract ObjectNode contextOf(R message);

    @SuppressWarnings("unchecked")
    private SELF self() {
        return (SELF) this;
    }

    /**
     * Narrows to messages whose request context has {@code key} (without oslo's {@code _context_} prefix) equal to
     * {@code value} (compared as JSON; numbers by value).
     */
    public SELF withContext(String key, Object value) {
        JsonNode expected = JsonValues.toNode(value);
        return narrow(new Criterion<>("with context " + quote(key) + " = " + JsonValues.render(expected), m -> {
            JsonNode actual = contextOf(m).get(key);
            if (actual == null) {
                return "context has no " + quote(key);
            }
            return JsonValues.equal(expected, actual) ? null
                    : "context " + quote(key) + " was " + JsonValues.render(actual);
        }));
    }

    /**
     * Requires exactly {@code n} matching messages: waits until {@code n} have been recorded (or the deadline), and
     * fails at once if more than {@code n} match. Messages arriving after it passed are not looked at.
     */
    public SELF times(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("times(" + n + "): expect at least 1; to assert that nothing was sent"
                    + " use the bus's assertNo…/assertNothing… methods, which wait for a quiet period");
        }
        this.times = n;
        return await();
    }

    /** The recorded messages matching everything asserted so far (a snapshot), for further custom checks. */
    public List<R> matches() {
        return expectation.matches(recording.snapshot());
    }

    /** The single matching message; fails if several match. */
    public R single() {
        List<R> matches = matches();
        if (matches.size() != 1) {
            throw AssertionErrors.create(description, FailureReport.render(
                    "Expecting exactly one " + expectation.noun(), expectation, matches.isEmpty()
                            ? "but none matched." : "but " + matches.size() + " matched ("
                            + FailureReport.sequences(matches) + ").",
                    recording.snapshot()));
        }
        return matches.get(0);
    }

    @Override
    public SELF describedAs(Description description) {
        this.description = description;
        return self();
    }

    /** Adds a criterion and waits until it (and all before it) are satisfied. */
    final SELF narrow(Criterion<R> criterion) {
        expectation.add(criterion);
        return await();
    }

    final SELF await() {
        List<RecordedMessage> all = recording.awaitUntil(this::enough, deadline);
        List<R> matching = expectation.matches(all);
        int wanted = times == null ? 1 : times;
        if (times == null ? !matching.isEmpty() : matching.size() == wanted) {
            return self();
        }
        String headline = times == null ? "Expecting " + article(expectation.noun())
                : "Expecting exactly " + times + " " + plural(expectation.noun(), times);
        String verdict;
        if (all.isEmpty()) {
            verdict = "within " + FailureReport.duration(timeout) + ", but nothing was recorded.";
        } else if (matching.isEmpty()) {
            verdict = "within " + FailureReport.duration(timeout) + ", but " + (all.size() == 1
                    ? "the only recorded message did not match." : "none of the " + all.size()
                    + " recorded messages matched.");
        } else if (matching.size() < wanted) {
            verdict = "within " + FailureReport.duration(timeout) + ", but only " + matching.size() + " matched ("
                    + FailureReport.sequences(matching) + ").";
        } else {
            verdict = "but " + matching.size() + " matched (" + FailureReport.sequences(matching) + ").";
        }
        throw AssertionErrors.create(description, FailureReport.render(headline, expectation, verdict, all));
    }

    private boolean enough(List<RecordedMessage> all) {
        int n = expectation.matches(all).size();
        return n >= (times == null ? 1 : times);
    }

    static String article(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    static String plural(String noun, int n) {
        return n == 1 ? noun : noun + "s";
    }
}
