package dev.oslo4j.cli.conformance;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints one table row per test as it finishes ({@code PASS}, {@code FAIL} or {@code SKIP}, seconds, name,
 * and the first line of the reason) and keeps the outcomes. A failing container (say, a class whose broker
 * could not start) counts as one failure, so that nothing fails silently.
 */
final class ConformanceListener implements TestExecutionListener {
    private final PrintWriter out;
    private final Map<String, Long> started = new ConcurrentHashMap<>();
    private final List<TestOutcome> outcomes = new ArrayList<>();
    private TestPlan plan;

    ConformanceListener(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        this.plan = testPlan;
    }

    @Override
    public void executionStarted(TestIdentifier test) {
        started.put(test.getUniqueId(), System.nanoTime());
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        if (test.isTest() || test.isContainer() && isClass(test)) {
            record(new TestOutcome(TestOutcome.Status.SKIP, name(test), Duration.ZERO, firstLine(reason)));
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        boolean failedContainer = test.isContainer() && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL;
        if (!test.isTest() && !failedContainer) {
            return;
        }
        long start = started.getOrDefault(test.getUniqueId(), System.nanoTime());
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        Optional<String> reason = result.getThrowable().flatMap(t -> firstLine(t.getClass().getSimpleName()
                + (t.getMessage() == null ? "" : ": " + t.getMessage())));
        TestOutcome.Status status = switch (result.getStatus()) {
            case SUCCESSFUL -> TestOutcome.Status.PASS;
            case ABORTED -> TestOutcome.Status.SKIP;
            case FAILED -> TestOutcome.Status.FAIL;
        };
        record(new TestOutcome(status, name(test), duration, reason));
    }

    private synchronized void record(TestOutcome outcome) {
        outcomes.add(outcome);
        out.println(String.format(Locale.ROOT, "%-4s %7.2fs  %s", outcome.status(),
                outcome.duration().toNanos() / 1e9, outcome.name()));
        outcome.reason().filter(r -> outcome.status() != TestOutcome.Status.PASS)
                .ifPresent(r -> out.println("              " + r));
        out.flush();
    }

    synchronized List<TestOutcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** The class's display name, then the test's (with its parameters, e.g. the broker). */
    private String name(TestIdentifier test) {
        List<String> parts = new ArrayList<>();
        TestIdentifier current = test;
        while (current != null && plan != null) {
            if (current.getSource().isPresent() || current.isTest()) {
                parts.add(0, current.getDisplayName());
            }
            current = plan.getParent(current).orElse(null);
            if (current != null && current.getParentId().isEmpty()) {
                break; // the engine itself
            }
        }
        return String.join(" > ", parts);
    }

    private static boolean isClass(TestIdentifier test) {
        return test.getSource().map(s -> s instanceof org.junit.platform.engine.support.descriptor.ClassSource)
                .orElse(false);
    }

    private static Optional<String> firstLine(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String line = text.strip().lines().findFirst().orElse("");
        return Optional.of(line.length() > 200 ? line.substring(0, 197) + "..." : line);
    }
}
