package com.complaintcase.bench.suite;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Latency samples (nanoseconds) of one measurement and their percentiles in milliseconds. */
final class Latencies {

    private long[] sorted = new long[0];
    private int count;
    private long[] samples = new long[1024];

    synchronized void add(long nanos) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = nanos;
        sorted = null;
    }

    synchronized int count() {
        return count;
    }

    synchronized double percentile(double percentile) {
        if (count == 0) {
            return Double.NaN;
        }
        if (sorted == null) {
            sorted = Arrays.copyOf(samples, count);
            Arrays.sort(sorted);
        }
        int rank = (int) Math.ceil(percentile / 100d * count);
        return sorted[Math.max(0, Math.min(count, rank) - 1)] / 1e6;
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
        return Double.isNaN(value) ? value : Math.round(value * 100) / 100d;
    }
}
