package com.complaintcase.query.cases;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The totals of the case lists. Counting a list walks every match (about 25 ms for 120,000 overdue cases in H2,
 * on every request, because the overdue list changes with the clock), so a total is counted exactly with its page
 * only up to {@code complaints.queries.exact-total-limit} matches. A list holding more shows the last exact count
 * of the same list and filter, made at most {@code complaints.queries.large-total-max-age} ago; the request that
 * finds it older counts again, while others go on showing the last count. Each page says when its total was
 * counted ({@code totalCountedAt}).
 */
@Component
public class ListTotals {

    /** A total and the instant it was counted. */
    public record Total(long value, Instant countedAt) {
    }

    private static final int MAX_REMEMBERED = 1_000;

    private final long exactLimit;
    private final Duration maxAge;
    private final Map<String, Total> large = new ConcurrentHashMap<>();
    private final Set<String> counting = ConcurrentHashMap.newKeySet();

    public ListTotals(@Value("${complaints.queries.exact-total-limit:1000}") long exactLimit,
                      @Value("${complaints.queries.large-total-max-age:PT5S}") Duration maxAge) {
        if (exactLimit < 0 || maxAge.isNegative()) {
            throw new IllegalArgumentException("the exact-total limit and the large totals' age must not be negative");
        }
        this.exactLimit = exactLimit;
        this.maxAge = maxAge;
    }

    /** The most matches counted exactly with every page; {@code countUpTo} is asked to stop one above it. */
    public long exactLimit() {
        return exactLimit;
    }

    /**
     * The total of the list named by {@code list} (its kind and filter, never the clock) at {@code now}:
     * {@code countUpTo} answers the matches up to one more than {@link #exactLimit()}, {@code countAll} all of them.
     */
    public Total of(String list, Instant now, LongSupplier countUpTo, LongSupplier countAll) {
        long upTo = countUpTo.getAsLong();
        if (upTo <= exactLimit) {
            return new Total(upTo, now);
        }
        Total last = large.get(list);
        if (last == null) {
            return count(list, now, countAll);
        }
        if (isFresh(last, now) || !counting.add(list)) {
            return last;
        }
        try {
            return count(list, now, countAll);
        } finally {
            counting.remove(list);
        }
    }

    private Total count(String list, Instant now, LongSupplier countAll) {
        Total counted = new Total(countAll.getAsLong(), now);
        remember(list, counted, now);
        return counted;
    }

    private boolean isFresh(Total total, Instant now) {
        return !total.countedAt().plus(maxAge).isBefore(now);
    }

    private void remember(String list, Total total, Instant now) {
        if (large.size() >= MAX_REMEMBERED) {
            large.values().removeIf(remembered -> !isFresh(remembered, now));
            if (large.size() >= MAX_REMEMBERED) {
                large.clear();
            }
        }
        large.put(list, total);
    }
}
