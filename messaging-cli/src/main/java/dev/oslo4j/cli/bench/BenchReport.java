package dev.oslo4j.cli.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of one {@code oslo4j bench} run: every contender's figures side by side, and how oslo4j
 * compares with each baseline. The first result is oslo4j's; the others are baselines.
 *
 * @param broker where the run happened, password masked
 */
public record BenchReport(BenchPattern pattern, String broker, LoadSpec spec, List<RunResult> results) {

    public BenchReport {
        results = List.copyOf(results);
        if (results.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one result");
        }
    }

    /** Total errors over all contenders; any error makes the command exit 1. */
    public long errors() {
        return results.stream().mapToLong(RunResult::errors).sum();
    }

    /** The human-readable summary: a table, then the ratios, then the first error of each failing run. */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT,
                "bench %s on %s: %d messages, %d threads, %d payload bytes, %d warm-up%s%n",
                pattern.command(), broker, spec.messages(), spec.threads(), spec.payloadBytes(), spec.warmup(),
                // One at a time is the default and says nothing new: the line stays as scripts know it.
                spec.pipelined() ? ", " + spec.inFlight() + " in flight per thread" : ""));
        for (RunResult result : results) {
            result.inFlightNote().ifPresent(why -> out.append(String.format(Locale.ROOT,
                    "note: %s: in-flight %d (%s)%n", result.name(), result.inFlight(), why)));
        }
        out.append(String.format(Locale.ROOT, "%-20s %10s %9s %9s %9s %9s %7s%n",
                "", "msg/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "errors"));
        for (RunResult result : results) {
            LatencySummary l = result.latency();
            out.append(String.format(Locale.ROOT, "%-20s %10.0f %9.3f %9.3f %9.3f %9.3f %7d%s%n",
                    result.name(), result.rate(), l.p50(), l.p90(), l.p99(), l.max(), result.errors(),
                    result.aborted() ? "  (stopped: too many errors)" : ""));
        }
        RunResult oslo4j = results.get(0);
        for (RunResult baseline : results.subList(1, results.size())) {
            String inFlights = oslo4j.inFlight() == baseline.inFlight() ? ""
                    : String.format(Locale.ROOT, " (in-flight %d vs %d)", oslo4j.inFlight(), baseline.inFlight());
            oslo4j.ratioTo(baseline).ifPresent(ratio -> out.append(String.format(Locale.ROOT,
                    "%s / %s: %.2fx the rate%s%n", oslo4j.name(), baseline.name(), ratio, inFlights)));
        }
        for (RunResult result : results) {
            result.resources().ifPresent(use -> out.append(String.format(Locale.ROOT,
                    "%s: %.1f us CPU and %.2f context switches per message in this JVM (JIT compiler threads excluded)%n",
                    result.name(), use.cpuMicrosPerMessage(), use.contextSwitchesPerMessage())));
        }
        for (RunResult result : results) {
            result.firstError().ifPresent(error ->
                    out.append(result.name()).append(" first error: ").append(error).append(System.lineSeparator()));
        }
        return out.toString();
    }

    /**
     * The same as a JSON-ready map: {@code pattern, broker, messages, …, in_flight, results[], ratios{}}; each
     * result says the in-flight it ran with (Python: 1) and, when that differs from the asked one, why.
     */
    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("pattern", pattern.command());
        json.put("broker", broker);
        json.put("messages", spec.messages());
        json.put("threads", spec.threads());
        json.put("payload_bytes", spec.payloadBytes());
        json.put("warmup", spec.warmup());
        json.put("in_flight", spec.inFlight());
        List<Map<String, Object>> entries = new ArrayList<>();
        for (RunResult result : results) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", result.name());
            entry.put("completed", result.completed());
            entry.put("errors", result.errors());
            entry.put("elapsed_s", result.elapsed().toNanos() / 1e9);
            entry.put("rate", result.rate());
            LatencySummary l = result.latency();
            Map<String, Object> latency = new LinkedHashMap<>();
            latency.put("p50", l.p50());
            latency.put("p90", l.p90());
            latency.put("p99", l.p99());
            latency.put("max", l.max());
            latency.put("mean", l.mean());
            entry.put("latency_ms", latency);
            entry.put("first_error", result.firstError().orElse(null));
            entry.put("aborted", result.aborted());
            entry.put("in_flight", result.inFlight());
            entry.put("in_flight_note", result.inFlightNote().orElse(null));
            entry.put("cpu_us_per_msg", result.resources().map(ResourceUse::cpuMicrosPerMessage).orElse(null));
            entry.put("context_switches_per_msg", result.resources()
                    .map(ResourceUse::contextSwitchesPerMessage).orElse(null));
            entries.add(entry);
        }
        json.put("results", entries);
        Map<String, Object> ratios = new LinkedHashMap<>();
        RunResult oslo4j = results.get(0);
        for (RunResult baseline : results.subList(1, results.size())) {
            oslo4j.ratioTo(baseline).ifPresent(ratio -> ratios.put(baseline.name(), ratio));
        }
        json.put("ratios", ratios);
        return json;
    }
}
