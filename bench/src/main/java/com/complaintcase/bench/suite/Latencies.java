package com.complaintcase.bench.suite;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.util.LinkedHashMap;
import java.util.Map;

/** Latency samples of one measurement (an HdrHistogram of nanoseconds, 3 significant digits) and their percentiles in milliseconds. */
final class Latencies {

    private final Histogram histogram = new ConcurrentHistogram(3);

    void add(long nanos) {
        histogram.recordValue(Math.max(1, nanos));
    }

    long count() {
        return histogram.getTotalCount();
    }

    double percentile(double percentile) {
        if (histogram.getTotalCount() == 0) {
            return Double.NaN;
        }
        long nanos = percentile >= 100 ? histogram.getMaxValue() : histogram.getValueAtPercentile(percentile);
        return nanos / 1e6;
    }

    Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("samples", count());
        summary.put("p50Ms", round(percentile(50)));
        summary.put("p90Ms", round(percentile(90)));
        summary.put("p99Ms", round(percentile(99)));
        summary.put("maxMs", round(percentile(100)));
        return summary;
    }

    static double round(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? value : Math.round(value * 100) / 100d;
    }
}
