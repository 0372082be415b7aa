package dev.oslo4j.cli.conformance;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the conformance suite with the JUnit Platform Launcher against one broker: the suite's
 * {@code @OnEveryBroker} tests read {@value #URL_PROPERTY} and run against that URL only.
 */
public final class ConformanceRunner {
    /** The package the suite lives in. */
    public static final String SUITE_PACKAGE = "dev.oslo4j.conformance";
    /** The system property (and configuration parameter) naming the broker under test. */
    public static final String URL_PROPERTY = "oslo4j.conformance.url";

    private ConformanceRunner() {
    }

    /** Runs the whole suite against {@code url}, printing the table to {@code out}. */
    public static List<TestOutcome> runSuite(String url, PrintWriter out) {
        return run(List.of(selectPackage(SUITE_PACKAGE)), url, out);
    }

    /** Runs what {@code selectors} select against {@code url}; prints rows as tests finish, then a summary line. */
    public static List<TestOutcome> run(List<? extends DiscoverySelector> selectors, String url, PrintWriter out) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .configurationParameter(URL_PROPERTY, url)
                .build();
        ConformanceListener listener = new ConformanceListener(out);
        String previous = System.setProperty(URL_PROPERTY, url);
        try {
            Launcher launcher = LauncherFactory.create();
            launcher.execute(request, listener);
        } finally {
            if (previous == null) {
                System.clearProperty(URL_PROPERTY);
            } else {
                System.setProperty(URL_PROPERTY, previous);
            }
        }
        List<TestOutcome> outcomes = listener.outcomes();
        out.println(summary(outcomes));
        out.flush();
        return outcomes;
    }

    /** {@code N passed, N failed, N skipped}. */
    static String summary(List<TestOutcome> outcomes) {
        return String.format(Locale.ROOT, "%d passed, %d failed, %d skipped",
                count(outcomes, TestOutcome.Status.PASS), count(outcomes, TestOutcome.Status.FAIL),
                count(outcomes, TestOutcome.Status.SKIP));
    }

    static long count(List<TestOutcome> outcomes, TestOutcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }
}
