package com.complaintcase.query.metrics;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The analytics questions and their answers. No personal data in any of them. */
public final class MetricsQueries {

    private MetricsQueries() {
    }

    /** A period [from, to) and an optional grouping. */
    public record Period(Instant from, Instant to) {
    }

    public record Satisfaction(Period period, Dimension groupBy) {
    }

    public record SatisfactionReport(Rate overall, List<SatisfactionGroup> groups) {
    }

    public record Rate(long responses, long satisfied, BigDecimal rate) {
    }

    public record SatisfactionGroup(String key, long responses, long satisfied, BigDecimal rate, BigDecimal averageScore) {
    }

    public record HandlingTime(Period period, Dimension groupBy) {
    }

    public record HandlingTimeReport(TimeStatistics overall, List<HandlingTimeGroup> groups) {
    }

    public record TimeStatistics(long resolutions, Duration average, Duration p50, Duration p90, Duration p95,
                                 Duration max, BigDecimal averageDays) {
    }

    public record HandlingTimeGroup(String key, TimeStatistics statistics) {
    }

    public record Volume(Period period, Dimension groupBy) {
    }

    public record VolumeReport(long total, List<VolumeGroup> groups) {
    }

    public record VolumeGroup(String key, long count) {
    }
}
