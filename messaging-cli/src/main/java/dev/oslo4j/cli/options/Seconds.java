package dev.oslo4j.cli.options;

import dev.oslo4j.cli.CliFailure;
import java.time.Duration;

/** Turns a {@code --timeout}-style number of seconds into a duration, refusing what makes no sense. */
public final class Seconds {
    private Seconds() {
    }

    /** {@code seconds} (fractions allowed) as a duration; zero, negative or non-finite is a usage error. */
    public static Duration positive(double seconds, String option) {
        if (!(seconds > 0) || Double.isInfinite(seconds) || seconds > 366 * 86_400) {
            throw CliFailure.usage(option + " must be a positive number of seconds, not " + seconds);
        }
        return Duration.ofNanos((long) (seconds * 1e9));
    }

    /** A duration as seconds for messages: {@code 0.5}, {@code 60}. */
    public static String text(Duration d) {
        return java.math.BigDecimal.valueOf(d.toNanos(), 9).stripTrailingZeros().toPlainString();
    }
}
