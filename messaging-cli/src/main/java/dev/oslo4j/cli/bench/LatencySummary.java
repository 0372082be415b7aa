package dev.oslo4j.cli.bench;

import org.HdrHistogram.Histogram;

/** Latency percentiles of a run, in milliseconds. */
public record LatencySummary(double p50, double p90, double p99, double max, double mean) {

    private static final double NANOS_PER_MILLI = 1_000_000.0;

    /** Summarizes a histogram of nanosecond values; an empty histogram gives zeros. */
    public static LatencySummary of(Histogram nanos) {
        if (nanos.getTotalCount() == 0) {
            return new LatencySummary(0, 0, 0, 0, 0);
        }
        return new LatencySummary(
                millis(nanos.getValueAtPercentile(50)),
                millis(nanos.getValueAtPercentile(90)),
                millis(nanos.getValueAtPercentile(99)),
                millis(nanos.getMaxValue()),
                nanos.getMean() / NANOS_PER_MILLI);
    }

    private static double millis(long nanos) {
        return nanos / NANOS_PER_MILLI;
    }
}
