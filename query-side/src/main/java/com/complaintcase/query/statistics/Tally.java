package com.complaintcase.query.statistics;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A report's figures per group key, as the database counted them (and the sums of their amounts); {@link #TOTAL} is the
 * key of the whole report. The case ids behind a figure are read only for a drill-down.
 */
final class Tally {

    static final String TOTAL = "TOTAL";

    private final Map<String, Map<String, Long>> counts = new TreeMap<>();
    private final Map<String, BigDecimal> sums = new TreeMap<>();

    /** Adds {@code count} facts to {@code figure} of the group {@code key} (none: the total only) and of the total. */
    void add(String key, String figure, long count) {
        add(key, figure, count, null);
    }

    void add(String key, String figure, long count, BigDecimal amount) {
        if (key != null) {
            addTo(key, figure, count, amount);
        }
        addTo(TOTAL, figure, count, amount);
    }

    private void addTo(String key, String figure, long count, BigDecimal amount) {
        counts.computeIfAbsent(key, k -> new TreeMap<>()).merge(figure, count, Long::sum);
        if (amount != null) {
            sums.merge(key + "|" + figure, amount, BigDecimal::add);
        }
    }

    long count(String key, String figure) {
        Map<String, Long> byFigure = counts.get(key);
        Long count = byFigure == null ? null : byFigure.get(figure);
        return count == null ? 0 : count;
    }

    List<String> keys() {
        return counts.keySet().stream().filter(key -> !TOTAL.equals(key)).toList();
    }

    /** The sums of the amounts, by {@code key|figure}. */
    Map<String, BigDecimal> sums() {
        return sums;
    }
}
