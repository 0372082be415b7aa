package dev.oslo4j.junit.support;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

import java.util.List;
import java.util.Optional;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

/** Runs {@link TestKitOnly} example classes through the Jupiter engine and reads what happened to each test. */
public final class ExampleRun {

    private final EngineExecutionResults results;

    private ExampleRun(EngineExecutionResults results) {
        this.results = results;
    }

    public static ExampleRun of(Class<?> exampleClass) {
        return new ExampleRun(kit().selectors(selectClass(exampleClass)).execute());
    }

    public static ExampleRun of(Class<?> exampleClass, String method) {
        return new ExampleRun(kit().selectors(selectMethod(exampleClass, method)).execute());
    }

    /** Runs the class with its test methods in parallel. */
    public static ExampleRun concurrently(Class<?> exampleClass) {
        return new ExampleRun(kit().selectors(selectClass(exampleClass))
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "8")
                .execute());
    }

    private static EngineTestKit.Builder kit() {
        ConfiguredBroker.assumeAvailable();
        return EngineTestKit.engine("junit-jupiter").configurationParameter(TestKitOnly.PARAMETER, "true");
    }

    public EngineExecutionResults results() {
        return results;
    }

    /** The throwable a test failed with; fails when the test did not fail. */
    public Throwable failureOf(String method) {
        return finished(method).getPayload(TestExecutionResult.class)
                .flatMap(TestExecutionResult::getThrowable)
                .orElseThrow(() -> new AssertionError(method + " did not fail"));
    }

    /** The status of a test — SUCCESSFUL, FAILED, ABORTED — followed by its throwable, if any. */
    public String statusOf(String method) {
        TestExecutionResult r = finished(method).getPayload(TestExecutionResult.class).orElseThrow();
        return r.getStatus().name() + r.getThrowable().map(t -> ": " + stackTrace(t)).orElse("");
    }

    private static String stackTrace(Throwable t) {
        java.io.StringWriter w = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(w));
        return w.toString();
    }

    private Event finished(String method) {
        List<Event> events = results.testEvents().finished().list();
        Optional<Event> e = events.stream()
                .filter(ev -> ev.getTestDescriptor().getDisplayName().startsWith(method + "("))
                .findFirst();
        return e.orElseThrow(() -> new AssertionError("no finished test " + method + " among "
                + events.stream().map(ev -> ev.getTestDescriptor().getDisplayName()).toList()
                + "; skipped: " + results.testEvents().skipped().list().stream()
                .map(ev -> ev.getTestDescriptor().getDisplayName() + " "
                        + ev.getPayload(String.class).orElse("")).toList()
                + "; container failures: " + results.containerEvents().failed().list().stream()
                .map(ev -> String.valueOf(ev.getPayload(TestExecutionResult.class)
                        .flatMap(TestExecutionResult::getThrowable).orElse(null)))
                .toList()));
    }

    public long count(EventType type) {
        return results.testEvents().stream().filter(e -> e.getType() == type).count();
    }
}
