package com.complaintcase.query.statistics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The case ids behind each figure of a report, per group key: a figure's value is how many ids it holds, and a
 * drill-down lists them. {@link #TOTAL} is the key of the whole report.
 */
final class Tally implements Figures {

    static final String TOTAL = "TOTAL";

    private final Map<String, Map<String, List<String>>> figures = new TreeMap<>();

    /** Counts {@code complaintId} under {@code figure} for its group {@code key} and for the total. */
    void add(String key, String figure, String complaintId) {
        if (key != null) {
            ids(key, figure).add(complaintId);
        }
        ids(TOTAL, figure).add(complaintId);
    }

    @Override
    public long count(String key, String figure) {
        Map<String, List<String>> byFigure = figures.get(key);
        List<String> ids = byFigure == null ? null : byFigure.get(figure);
        return ids == null ? 0 : ids.size();
    }

    @Override
    public List<String> keys() {
        return figures.keySet().stream().filter(key -> !TOTAL.equals(key)).toList();
    }

    List<String> drill(String key, String figure) {
        Map<String, List<String>> byFigure = figures.getOrDefault(key, Map.of());
        return byFigure.getOrDefault(figure, List.of()).stream().distinct().sorted().toList();
    }

    private List<String> ids(String key, String figure) {
        return figures.computeIfAbsent(key, k -> new LinkedHashMap<>()).computeIfAbsent(figure, f -> new ArrayList<>());
    }
}
