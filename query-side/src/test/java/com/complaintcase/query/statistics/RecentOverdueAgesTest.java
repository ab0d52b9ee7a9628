package com.complaintcase.query.statistics;

import com.complaintcase.query.statistics.StatisticsQueries.OverdueAgeReport;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RecentOverdueAgesTest {

    private static final Instant NOW = Instant.parse("2026-11-02T08:00:00Z");
    private static final long LIMIT = 10;
    private final RecentOverdueAges ages = new RecentOverdueAges(LIMIT, Duration.ofSeconds(5));
    private final AtomicInteger counts = new AtomicInteger();

    private OverdueAgeReport countOf(long overdue, Instant at) {
        counts.incrementAndGet();
        return new OverdueAgeReport(null, at, overdue, Map.of(), null, null);
    }

    @Test
    void up_to_the_exact_limit_every_request_counts_the_overdue_cases_again() {
        ages.of("null", NOW, () -> countOf(LIMIT, NOW));
        OverdueAgeReport second = ages.of("null", NOW.plusSeconds(1), () -> countOf(LIMIT - 1, NOW.plusSeconds(1)));

        assertThat(counts).hasValue(2);
        assertThat(second.overdue()).isEqualTo(LIMIT - 1);
    }

    @Test
    void above_the_exact_limit_the_last_count_is_answered_until_it_is_older_than_the_maximum_age() {
        ages.of("BRANCH_CODE", NOW, () -> countOf(LIMIT + 1, NOW));

        OverdueAgeReport within = ages.of("BRANCH_CODE", NOW.plusSeconds(5), () -> countOf(LIMIT + 2, NOW.plusSeconds(5)));
        assertThat(within.asOf()).as("the last count, with when it was made").isEqualTo(NOW);
        assertThat(within.overdue()).isEqualTo(LIMIT + 1);

        OverdueAgeReport after = ages.of("BRANCH_CODE", NOW.plusSeconds(6), () -> countOf(LIMIT + 3, NOW.plusSeconds(6)));
        assertThat(after.overdue()).isEqualTo(LIMIT + 3);
        assertThat(counts).hasValue(2);
    }

    @Test
    void each_grouping_has_its_own_count() {
        ages.of("BRANCH_CODE", NOW, () -> countOf(LIMIT + 1, NOW));
        OverdueAgeReport byCategory = ages.of("CATEGORY", NOW, () -> countOf(LIMIT + 5, NOW));

        assertThat(byCategory.overdue()).isEqualTo(LIMIT + 5);
        assertThat(counts).hasValue(2);
    }
}
