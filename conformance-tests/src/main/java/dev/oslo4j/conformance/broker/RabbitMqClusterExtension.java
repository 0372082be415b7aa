package dev.oslo4j.conformance.broker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;

import dev.oslo4j.testsupport.Requirements;

/**
 * A test class annotated {@code @ExtendWith(RabbitMqClusterExtension.class)} gets a {@link RabbitMqCluster}
 * injected: before its first test {@code scripts/rabbitmq-cluster start} brings up three extra RabbitMQ nodes on
 * loopback (removing leftovers of a killed run first); after its last test — or at JVM exit if the run is cut
 * short — {@code stop} removes them. When the cluster cannot be started (no RabbitMQ here, not root, a port
 * taken, …) the class is skipped with one line saying why, or fails with {@code OSLO4J_REQUIRE_RABBITMQ=1} (CI).
 * Never runs with {@code oslo4j conformance --url}: that checks one given broker.
 */
public final class RabbitMqClusterExtension implements BeforeAllCallback, ParameterResolver {

    /** The script, relative to the source tree's root. */
    public static final String SCRIPT = "scripts/rabbitmq-cluster";

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(RabbitMqClusterExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        if (BrokerTargets.conformanceUrl() != null) {
            Assumptions.abort("the RabbitMQ cluster suite starts a cluster of its own; it does not run with --url");
        }
        Path script = findScript();
        if (script == null) {
            throw unavailable(SCRIPT + " not found in " + Path.of("").toAbsolutePath()
                    + " or above (run from the source tree)");
        }
        try {
            context.getStore(NAMESPACE).getOrComputeIfAbsent(Running.class, k -> Running.start(script), Running.class);
        } catch (RuntimeException e) {
            throw unavailable("the RabbitMQ cluster did not start: " + e.getMessage());
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RabbitMqCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Running running = context.getStore(NAMESPACE).get(Running.class, Running.class);
        if (running == null) {
            throw new IllegalStateException("RabbitMqCluster is injected only into classes with @ExtendWith("
                    + RabbitMqClusterExtension.class.getSimpleName() + ")");
        }
        return running.cluster;
    }

    /**
     * What to throw when the cluster is not there: an abort that skips the class (its reason printed in one line),
     * or a failure when RabbitMQ is required.
     */
    private static RuntimeException unavailable(String reason) {
        if (Requirements.rabbitMqRequired()) {
            return new IllegalStateException(reason + "; " + Requirements.REQUIRE_RABBITMQ_ENV + "=1 requires it");
        }
        System.err.println("oslo4j conformance: " + headline(reason) + "; the RabbitMQ cluster tests are skipped ("
                + Requirements.REQUIRE_RABBITMQ_ENV + "=1 fails instead)");
        return new TestAbortedException(reason);
    }

    /** One line of a (script's) multi-line reason: its last {@code error:} line, else its first line. */
    private static String headline(String reason) {
        List<String> lines = reason.lines().toList();
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).contains("error:")) {
                return lines.get(i).trim();
            }
        }
        return lines.isEmpty() ? reason : lines.get(0);
    }

    /** {@value #SCRIPT} in the working directory or one of its parents (Maven runs a module in its folder). */
    static Path findScript() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(SCRIPT);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The started cluster, stopped when the test class is done or, failing that, when the JVM exits. */
    private static final class Running implements AutoCloseable {
        final RabbitMqCluster cluster;
        final Thread atExit;

        private Running(RabbitMqCluster cluster, Thread atExit) {
            this.cluster = cluster;
            this.atExit = atExit;
        }

        static Running start(Path script) {
            // Registered before starting: a JVM killed half-way through the start still removes the nodes.
            Thread atExit = new Thread(() -> RabbitMqCluster.runScript(script, "stop"), "oslo4j-cluster-stop");
            Runtime.getRuntime().addShutdownHook(atExit);
            try {
                long started = System.nanoTime();
                RabbitMqCluster cluster = RabbitMqCluster.start(script);
                System.out.printf("[cluster] %s started in %d s%n", cluster, (System.nanoTime() - started) / 1_000_000_000);
                return new Running(cluster, atExit);
            } catch (RuntimeException e) {
                Runtime.getRuntime().removeShutdownHook(atExit);
                // The script removes what it started when it fails, but not when it was killed for taking too long.
                try {
                    RabbitMqCluster.runScript(script, "stop");
                } catch (RuntimeException stopFailed) {
                    e.addSuppressed(stopFailed);
                }
                throw e;
            }
        }

        @Override
        public void close() {
            try {
                cluster.close();
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(atExit);
                } catch (IllegalStateException alreadyExiting) {
                    // the hook is running or will run; stop is idempotent
                }
            }
        }
    }
}
