package dev.oslo4j.broker.tools;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/** The human-readable table {@link BrokerBenchmark} prints: each figure next to its target and stock. */
final class BenchmarkReport {

    private BenchmarkReport() {
    }

    static void print(PrintStream out, Map<String, Object> f, int coldRuns, int stockRuns, int isolationSamples,
                      int restarts, int vhostSamples) {
        out.println();
        out.println("oslo4j embedded broker benchmark (Broker-J 10.1.0; " + BrokerBenchmark.machine() + ")");
        out.printf(Locale.ROOT, "%-44s %-24s %-14s %s%n", "measure", "oslo4j", "target", "stock Broker-J");
        row(out, "cold JVM start -> first AMQP connection", ms(f, "coldStartMsP50") + " p50 of " + coldRuns,
                "<= " + (int) BrokerBenchmark.TARGET_COLD_START_MS + " ms",
                f.containsKey("stockColdStartMsP50") ? ms(f, "stockColdStartMsP50") + " p50 of " + stockRuns
                        : "1.2-1.4 s (prototype)", verdict((Double) f.get("coldStartMsP50") <= BrokerBenchmark.TARGET_COLD_START_MS));
        row(out, "  fastest run (least disturbed)", ms(f, "coldStartMsMin"), "",
                f.containsKey("stockColdStartMsMin") ? ms(f, "stockColdStartMsMin") : "", "");
        row(out, "  CPU time used until then (all threads)", ms(f, "cpuToConnectionMsP50"), "",
                f.containsKey("stockCpuToConnectionMsP50") ? ms(f, "stockCpuToConnectionMsP50") : "", "");
        row(out, "  of which broker start", ms(f, "brokerStartMsP50"), "", "", "");
        row(out, "  of which first connection", ms(f, "firstConnectionMsP50"), "", "", "");
        row(out, "idle threads (whole JVM)", String.format(Locale.ROOT, "%.0f", (Double) f.get("idleThreads")),
                "<= " + BrokerBenchmark.TARGET_THREADS,
                f.containsKey("stockIdleThreads") ? String.format(Locale.ROOT, "%.0f", (Double) f.get("stockIdleThreads"))
                        : "84 (prototype)", verdict((Double) f.get("idleThreads") <= BrokerBenchmark.TARGET_THREADS));
        row(out, "RSS after first connection (VmRSS)", mb(f, "rssMb") + " (peak " + mb(f, "peakRssMb") + ")",
                "<= " + (int) BrokerBenchmark.TARGET_RSS_MB + " MB",
                f.containsKey("stockRssMb") ? mb(f, "stockRssMb") + " (peak " + mb(f, "stockPeakRssMb") + ")"
                        : "187-245 MB peak (prototype)", verdict((Double) f.get("rssMb") <= BrokerBenchmark.TARGET_RSS_MB));
        row(out, "BouncyCastle loaded at start", Boolean.TRUE.equals(f.get("bouncyCastleLoaded")) ? "yes" : "no",
                "no", "yes", "");
        row(out, "per-test isolation (lease + reset)", ms(f, "isolationMsP50") + " p50, " + ms(f, "isolationMsP90")
                + " p90", "<= " + (int) BrokerBenchmark.TARGET_ISOLATION_MS + " ms p50", "8-33 ms (new vhost)",
                verdict((Double) f.get("isolationMsP50") <= BrokerBenchmark.TARGET_ISOLATION_MS));
        row(out, "restart (same port, durable state kept)", ms(f, "restartMsP50") + " p50, " + ms(f, "restartMsP90")
                + " p90", "", "tens of ms (prototype)", "");
        row(out, "restart of one virtual host (others run on)", ms(f, "vhostRestartMsP50") + " p50, "
                + ms(f, "vhostRestartMsP90") + " p90", "", "", "");
        row(out, "virtual host create / delete", ms(f, "vhostCreateMsP50") + " / " + ms(f, "vhostDeleteMsP50")
                + " p50", "", "8-33 / 1-4 ms", "");
        out.printf(Locale.ROOT, "(samples: %d isolation cycles, %d restarts, %d vhost cycles; noise from other "
                + "processes on this machine shows up in every figure)%n", isolationSamples, restarts, vhostSamples);
    }

    private static void row(PrintStream out, String measure, String value, String target, String stock, String verdict) {
        out.printf(Locale.ROOT, "%-44s %-24s %-14s %-28s %s%n", measure, value, target, stock, verdict);
    }

    private static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }

    private static String ms(Map<String, Object> f, String key) {
        double v = (Double) f.get(key);
        return v < 10 ? String.format(Locale.ROOT, "%.2f ms", v) : String.format(Locale.ROOT, "%.0f ms", v);
    }

    private static String mb(Map<String, Object> f, String key) {
        return String.format(Locale.ROOT, "%.0f MB", (Double) f.get(key));
    }
}
