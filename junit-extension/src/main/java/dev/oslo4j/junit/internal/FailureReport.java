package dev.oslo4j.junit.internal;

import dev.oslo4j.junit.RecordedMessage;

import java.time.Duration;
import java.util.List;

/**
 * The text of a failed bus assertion, in AssertJ's manner: what was expected, line by line; the verdict; then
 * everything recorded during the test, nearest match first, each with what differs.
 */
public final class FailureReport {

    /** More than this many recorded messages are summarised, not listed. */
    static final int MAX_LISTED = 50;
    private static final String INDENT = "  ";
    private static final String MISMATCH = INDENT + "       mismatch: ";
    private static final String CONTINUATION = " ".repeat(MISMATCH.length());

    private FailureReport() {
    }

    /**
     * @param headline     e.g. {@code Expecting a cast}
     * @param expectation  the criteria, in order
     * @param verdict      e.g. {@code within 5s, but none of the 2 recorded messages matched.}
     * @param all          every recorded message
     */
    public static String render(String headline, Expectation<?> expectation, String verdict,
                                List<RecordedMessage> all) {
        StringBuilder out = new StringBuilder("\n").append(headline);
        for (String line : expectation.lines()) {
            out.append('\n').append(INDENT).append(line);
        }
        out.append('\n').append(verdict);
        if (all.isEmpty()) {
            out.append("\nNothing at all was published during the test (is the code under test using this test's"
                    + " Transport, or the URL from @OsloUrl?).");
            return out.toString();
        }
        out.append("\nRecorded during the test (").append(all.size()).append(all.size() == 1 ? " message" : " messages")
                .append("), nearest match first:");
        List<Expectation.Ranked> ranked = expectation.rank(all);
        int listed = 0;
        for (Expectation.Ranked r : ranked) {
            if (listed == MAX_LISTED) {
                out.append('\n').append(INDENT).append("… and ").append(ranked.size() - listed)
                        .append(" more (bus.messages() has them all)");
                break;
            }
            out.append('\n').append(MessageText.block(r.message(), INDENT));
            for (String miss : r.mismatches()) {
                out.append('\n').append(MISMATCH).append(miss.replace("\n", "\n" + CONTINUATION));
            }
            listed++;
        }
        return out.toString();
    }

    /** {@code 5s}, {@code 200ms}, {@code 1.5s}. */
    public static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms < 1000 ? ms + "ms" : String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0);
    }

    /** {@code #2, #5} */
    public static String sequences(List<? extends RecordedMessage> messages) {
        StringBuilder out = new StringBuilder();
        for (RecordedMessage m : messages) {
            if (!out.isEmpty()) {
                out.append(", ");
            }
            out.append('#').append(m.sequence());
        }
        return out.toString();
    }
}
