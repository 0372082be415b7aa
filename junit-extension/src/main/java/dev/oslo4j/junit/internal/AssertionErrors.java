package dev.oslo4j.junit.internal;

import org.assertj.core.description.Description;

import java.util.Arrays;

/**
 * Builds the {@link AssertionError}s of bus assertions as AssertJ does: the description set with {@code as(…)}
 * first in brackets, and the assertion machinery's own frames removed so the first frame is the test's line.
 */
public final class AssertionErrors {

    private static final String PUBLIC_PACKAGE = "dev.oslo4j.junit.";
    private static final String INTERNAL_PACKAGE = "dev.oslo4j.junit.internal.";

    private AssertionErrors() {
    }

    public static AssertionError create(Description description, String message) {
        String prefix = description == null || description.value() == null || description.value().isEmpty()
                ? "" : "[" + description.value() + "] ";
        AssertionError error = new AssertionError(prefix + message);
        error.setStackTrace(withoutOwnFrames(error.getStackTrace()));
        return error;
    }

    private static StackTraceElement[] withoutOwnFrames(StackTraceElement[] trace) {
        int first = 0;
        while (first < trace.length && isOwn(trace[first].getClassName())) {
            first++;
        }
        return first == trace.length ? trace : Arrays.copyOfRange(trace, first, trace.length);
    }

    /** The assertion classes themselves (not tests that happen to live in the same package). */
    private static boolean isOwn(String className) {
        if (className.startsWith(INTERNAL_PACKAGE)) {
            return true;
        }
        if (!className.startsWith(PUBLIC_PACKAGE)) {
            return false;
        }
        String simple = className.substring(PUBLIC_PACKAGE.length());
        return simple.equals("OsloBus") || simple.endsWith("Assert") || simple.startsWith("MessageAssert");
    }
}
