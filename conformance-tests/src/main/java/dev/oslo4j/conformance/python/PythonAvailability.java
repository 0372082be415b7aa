package dev.oslo4j.conformance.python;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import dev.oslo4j.testsupport.PythonProcess;
import dev.oslo4j.testsupport.Requirements;

/**
 * Whether the Python interpreter with oslo.messaging is usable, probed once per JVM.
 * Without it interop tests are skipped with one line saying why, unless
 * {@code OSLO4J_REQUIRE_PYTHON=1}, which turns that skip into a failure (CI).
 */
public final class PythonAvailability {
    /** The interpreter that has Debian's oslo.messaging 14.0.3; {@code OSLO4J_PYTHON} overrides it. */
    public static final Path PYTHON = Requirements.python();
    private static final String REQUIRE_VARIABLE = Requirements.REQUIRE_PYTHON_ENV;
    private static final String PROBE =
            "import importlib.metadata as m, oslo_messaging; print(m.version('oslo.messaging'))";

    private static final java.util.Map<OsloRelease, Probe> PROBES = new java.util.EnumMap<>(OsloRelease.class);
    private static final java.util.Set<OsloRelease> ANNOUNCED = java.util.EnumSet.noneOf(OsloRelease.class);

    private PythonAvailability() {
    }

    /** The probe's outcome: the oslo.messaging version, or why Python cannot be used. */
    public record Probe(boolean available, String osloVersion, String reason) {
    }

    /** Probes (once per JVM) whether {@link #PYTHON} can import the system's oslo_messaging (14.0.3). */
    public static Probe probe() {
        return probe(OsloRelease.V14_0_3);
    }

    /** Probes (once per JVM and release) whether {@link #PYTHON} can import that release's oslo_messaging. */
    public static synchronized Probe probe(OsloRelease release) {
        return PROBES.computeIfAbsent(release, r -> {
            Probe p = runProbe(PYTHON, r.pythonPath().orElse(null));
            if (p.available() && r != OsloRelease.V14_0_3 && !p.osloVersion().startsWith(r.version())) {
                return new Probe(false, p.osloVersion(), "oslo.messaging " + r.version() + " is not there (found "
                        + p.osloVersion() + "); " + r.howToInstall());
            }
            return p.available() || r == OsloRelease.V14_0_3 ? p
                    : new Probe(false, null, p.reason() + "; " + r.howToInstall());
        });
    }

    /**
     * Returns normally when Python is usable; otherwise aborts the calling test (skipped), or
     * fails it when {@code OSLO4J_REQUIRE_PYTHON=1}.
     */
    public static void assumeAvailable() {
        assumeAvailable(OsloRelease.V14_0_3);
    }

    /** As {@link #assumeAvailable()}, for peers of this release. */
    public static void assumeAvailable(OsloRelease release) {
        Probe result = probe(release);
        if (result.available()) {
            return;
        }
        String message = "Python interop (oslo.messaging " + release.version() + ") skipped: " + result.reason();
        if (!Requirements.pythonRequired()) {
            announceOnce(release, message);
        }
        Requirements.skipOrFail(REQUIRE_VARIABLE, message);
    }

    private static synchronized void announceOnce(OsloRelease release, String message) {
        if (ANNOUNCED.add(release)) {
            System.err.println("oslo4j: " + message + " (set " + REQUIRE_VARIABLE + "=1 to fail instead)");
        }
    }

    static Probe runProbe(Path python) {
        return runProbe(python, null);
    }

    /** Runs the probe with {@code pythonPath} (may be null) first on PYTHONPATH. */
    static Probe runProbe(Path python, Path pythonPath) {
        try {
            ProcessBuilder builder = new ProcessBuilder(python.toString(), "-c", PROBE).redirectErrorStream(true);
            PythonProcess.cleanEnvironment(builder, pythonPath);
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Probe(false, null, python + " did not answer within 60 s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                String lastLine = output.substring(output.lastIndexOf('\n') + 1);
                return new Probe(false, null, python + " cannot import oslo_messaging (" + lastLine
                        + "); install Debian's python3-oslo.messaging");
            }
            return new Probe(true, output, null);
        } catch (IOException e) {
            return new Probe(false, null, python + " cannot be run (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Probe(false, null, "interrupted while probing " + PYTHON);
        }
    }
}
