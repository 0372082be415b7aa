package dev.oslo4j.junit.bench;

import dev.oslo4j.junit.internal.Backends;
import dev.oslo4j.junit.internal.Settings;
import dev.oslo4j.junit.support.TestKitOnly;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Per-test cost of the OsloBroker extension: runs classes of 200 trivial tests through the JUnit Platform Launcher
 * and prints, per class, the p50/p90/max of each test's wall time from "started" to "finished" (which covers the
 * extension's before/after work and the closing of the test's store), and the overhead over plain JUnit. The shared
 * broker is started before measuring; a first round warms the JIT and is not reported.
 *
 * <p>Run (from the repository root): see docs/junit.md, "Benchmark".
 */
public final class ExtensionOverheadBenchmark {

    private static final List<Class<?>> SUBJECTS = List.of(TrivialTests.Baseline.class, TrivialTests.BusOnly.class,
            TrivialTests.TransportAndBus.class, TrivialTests.CastAndAssert.class);

    private ExtensionOverheadBenchmark() {
    }

    /** @param args optional: rounds (default 3), then simple names of the subject classes (default all) */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        List<Class<?>> subjects = args.length > 1
                ? SUBJECTS.stream().filter(c -> List.of(args).subList(1, args.length).contains(c.getSimpleName()))
                        .toList()
                : SUBJECTS;
        long startNanos = System.nanoTime();
        try (Backends.Handle broker = Backends.acquire(Settings.defaults())) {
            System.out.printf(Locale.ROOT, "shared broker: %s, started in %d ms (excluded below)%n",
                    broker.backend().describe(), (System.nanoTime() - startNanos) / 1_000_000);
            Launcher launcher = LauncherFactory.create();
            for (Class<?> subject : subjects) {
                run(launcher, subject);
            }
            System.out.printf(Locale.ROOT, "%-16s %6s %8s %8s %8s %14s%n", "class", "tests", "p50 ms", "p90 ms",
                    "max ms", "p50 overhead");
            double baseline = Double.NaN;
            for (int round = 0; round < rounds; round++) {
                for (Class<?> subject : subjects) {
                    List<Double> ms = run(launcher, subject);
                    double p50 = percentile(ms, 50);
                    if (subject == TrivialTests.Baseline.class) {
                        baseline = p50;
                    }
                    System.out.printf(Locale.ROOT, "%-16s %6d %8.2f %8.2f %8.2f %14s%n", subject.getSimpleName(),
                            ms.size(), p50, percentile(ms, 90), ms.get(ms.size() - 1),
                            subject == TrivialTests.Baseline.class || Double.isNaN(baseline) ? "-"
                                    : String.format(Locale.ROOT, "%.2f ms", p50 - baseline));
                }
            }
        }
    }

    /** Runs one class; returns each test's duration in ms, sorted. */
    private static List<Double> run(Launcher launcher, Class<?> subject) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(subject))
                .configurationParameter(TestKitOnly.PARAMETER, "true")
                .build();
        Map<String, Long> started = new ConcurrentHashMap<>();
        List<Double> durations = Collections.synchronizedList(new ArrayList<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        launcher.execute(request, new TestExecutionListener() {
            @Override
            public void executionStarted(TestIdentifier id) {
                if (id.isTest()) {
                    started.put(id.getUniqueId(), System.nanoTime());
                }
            }

            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (id.isTest()) {
                    durations.add((System.nanoTime() - started.get(id.getUniqueId())) / 1e6);
                }
                if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    failures.add(id.getDisplayName() + ": " + result.getThrowable().orElse(null));
                }
            }
        });
        if (!failures.isEmpty()) {
            throw new IllegalStateException(subject.getSimpleName() + " had failures: " + failures);
        }
        List<Double> sorted = new ArrayList<>(durations);
        Collections.sort(sorted);
        return sorted;
    }

    private static double percentile(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
