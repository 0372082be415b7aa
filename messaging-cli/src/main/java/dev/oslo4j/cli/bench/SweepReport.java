package dev.oslo4j.cli.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The points of a sweep, each a full {@link BenchReport}, and the summary that matters: how oslo4j's rate and p99
 * compare with each baseline's as the swept parameter grows.
 */
public record SweepReport(Sweep sweep, List<BenchReport> points) {

    public SweepReport {
        points = List.copyOf(points);
    }

    public long errors() {
        return points.stream().mapToLong(BenchReport::errors).sum();
    }

    /** Each point's table, then one summary table with a row per swept value. */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (BenchReport point : points) {
            out.append(point.text()).append(System.lineSeparator());
        }
        List<String> names = points.get(0).results().stream().map(RunResult::name).toList();
        out.append(String.format(Locale.ROOT, "sweep %s of %s: rate msg/s and p99 ms per contender%n",
                sweep.parameter().flag(), points.get(0).pattern().command()));
        out.append(String.format(Locale.ROOT, "%14s", sweep.parameter().flag()));
        for (String name : names) {
            out.append(String.format(Locale.ROOT, " %12s %11s", shortName(name) + " msg/s", "p99 ms"));
        }
        for (String name : names.subList(1, names.size())) {
            out.append(String.format(Locale.ROOT, " %9s", "/" + shortName(name)));
        }
        out.append(System.lineSeparator());
        for (int i = 0; i < points.size(); i++) {
            List<RunResult> results = points.get(i).results();
            out.append(String.format(Locale.ROOT, "%14d", sweep.values().get(i)));
            for (RunResult r : results) {
                out.append(String.format(Locale.ROOT, " %12.0f %11.3f", r.rate(), r.latency().p99()));
            }
            for (RunResult r : results.subList(1, results.size())) {
                out.append(String.format(Locale.ROOT, " %9s", results.get(0).ratioTo(r)
                        .map(x -> String.format(Locale.ROOT, "%.2fx", x)).orElse("-")));
            }
            out.append(System.lineSeparator());
        }
        return out.toString();
    }

    /** {@code {"sweep": {"parameter", "values"}, "points": [the reports' JSON]}}. */
    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("parameter", sweep.parameter().flag());
        s.put("values", sweep.values());
        json.put("sweep", s);
        List<Map<String, Object>> list = new ArrayList<>();
        points.forEach(p -> list.add(p.json()));
        json.put("points", list);
        return json;
    }

    static String shortName(String contender) {
        int space = contender.indexOf(' ');
        return space < 0 ? contender : contender.substring(0, space);
    }
}
