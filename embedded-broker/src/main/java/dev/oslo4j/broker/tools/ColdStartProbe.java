package dev.oslo4j.broker.tools;

import java.lang.reflect.Method;

import dev.oslo4j.broker.EmbeddedBroker;

/**
 * The child-JVM side of {@link BrokerBenchmark}: from a cold JVM, start the embedded broker, open the first
 * AMQP connection, and report timings, threads, RSS and whether BouncyCastle was loaded.
 */
public final class ColdStartProbe {

    private ColdStartProbe() {
    }

    public static void main(String[] args) throws Exception {
        ProbeMeasurements measurements = new ProbeMeasurements();
        try (EmbeddedBroker broker = EmbeddedBroker.start()) {
            measurements.brokerStarted(broker.host(), broker.port(), broker.user(), broker.password());
            Runtime rt = Runtime.getRuntime();
            measurements.put("heapUsedMb", (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
            measurements.put("bouncyCastleLoaded", isLoaded("org.bouncycastle.jce.provider.BouncyCastleProvider"));
        }
        measurements.report();
    }

    /** Whether a class was loaded, without loading it (needs --add-opens java.base/java.lang=ALL-UNNAMED). */
    private static String isLoaded(String className) {
        try {
            Method find = ClassLoader.class.getDeclaredMethod("findLoadedClass", String.class);
            find.setAccessible(true);
            return find.invoke(ColdStartProbe.class.getClassLoader(), className) != null ? "yes" : "no";
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "unknown";
        }
    }
}
