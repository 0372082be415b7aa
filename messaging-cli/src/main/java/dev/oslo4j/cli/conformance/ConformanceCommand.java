package dev.oslo4j.cli.conformance;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.oslo4j.cli.CliFailure;
import dev.oslo4j.cli.ExitCodes;
import dev.oslo4j.cli.options.HelpOption;
import dev.oslo4j.cli.options.UrlOption;
import dev.oslo4j.messaging.Transport;
import dev.oslo4j.messaging.TransportURL;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code oslo4j conformance}: the conformance suite against any broker, as a pass/fail table. */
@Command(name = "conformance", description = "Run the conformance suite (wire behaviour, broker parity, "
        + "Python interop) against the broker at --url and print a pass/fail table.",
        footer = {"", "Exit codes: 0 every test passed (skipped ones are listed with the reason), "
                + "1 a test failed, 3 bad usage or configuration.",
                "Example: oslo4j conformance --url rabbit://guest:guest@127.0.0.1:5672/"})
public final class ConformanceCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Mixin
    UrlOption url;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TransportURL parsed = TransportURL.parse(url.url());
        // Fail fast on a URL the suite could never use (bad scheme or option, broker down, wrong password):
        // one clear line and exit 3 rather than a table of identical failures.
        url.open().close();
        PrintWriter out = spec.commandLine().getOut();
        out.println("conformance on " + parsed);
        out.flush();
        List<TestOutcome> outcomes;
        // The table is the report: the suite's own log lines (expected failures included) would drown it.
        // OSLO4J_LOG_LEVEL brings them back for diagnosis.
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        Level level = root.getLevel();
        if (System.getenv("OSLO4J_LOG_LEVEL") == null) {
            root.setLevel(Level.OFF);
        }
        try {
            outcomes = ConformanceRunner.runSuite(url.url(), out);
        } finally {
            root.setLevel(level);
        }
        if (outcomes.isEmpty()) {
            throw new CliFailure(ExitCodes.FAILED, "no conformance tests were found in package "
                    + ConformanceRunner.SUITE_PACKAGE + " (is the conformance-tests jar on the class path?)");
        }
        return ConformanceRunner.count(outcomes, TestOutcome.Status.FAIL) == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
