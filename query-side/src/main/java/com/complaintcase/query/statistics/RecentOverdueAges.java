package com.complaintcase.query.statistics;

import com.complaintcase.query.statistics.StatisticsQueries.OverdueAgeReport;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The overdue ages as last counted, per grouping, as the lists' totals are (ADR 0011): counted on every request up to
 * {@code complaints.queries.exact-total-limit} overdue cases; above it, the last count is answered while it is at most
 * {@code complaints.statistics.overdue-age-max-age} old, the request that finds it older counts again, and the others
 * go on answering the last count meanwhile. An answer's {@code asOf} is when it was counted. Drill-downs always count.
 */
final class RecentOverdueAges {

    private final long exactLimit;
    private final Duration maxAge;
    private final Map<String, OverdueAgeReport> last = new ConcurrentHashMap<>();
    private final Set<String> counting = ConcurrentHashMap.newKeySet();

    RecentOverdueAges(long exactLimit, Duration maxAge) {
        if (exactLimit < 0 || maxAge.isNegative()) {
            throw new IllegalArgumentException("the exact-total limit and the overdue ages' age must not be negative");
        }
        this.exactLimit = exactLimit;
        this.maxAge = maxAge;
    }

    /** The overdue age grouped by {@code grouping} at {@code now}: remembered, or counted by {@code count}. */
    OverdueAgeReport of(String grouping, Instant now, Supplier<OverdueAgeReport> count) {
        OverdueAgeReport remembered = last.get(grouping);
        if (remembered == null) {
            return counted(grouping, count);
        }
        if (!remembered.asOf().plus(maxAge).isBefore(now) || !counting.add(grouping)) {
            return remembered;
        }
        try {
            return counted(grouping, count);
        } finally {
            counting.remove(grouping);
        }
    }

    private OverdueAgeReport counted(String grouping, Supplier<OverdueAgeReport> count) {
        OverdueAgeReport counted = count.get();
        if (counted.overdue() > exactLimit) {
            last.put(grouping, counted);
        } else {
            last.remove(grouping);
        }
        return counted;
    }
}
