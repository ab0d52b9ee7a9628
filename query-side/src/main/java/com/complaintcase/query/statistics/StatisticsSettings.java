package com.complaintcase.query.statistics;

import com.complaintcase.values.InvalidValueException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The statistics' settings, under {@code complaints.statistics}, with the domain brief's numbers as defaults.
 *
 * @param zone               the bank's reporting zone: where days, quarters and periods begin (recorded in every answer)
 * @param maxDays            the longest period {@code from}..{@code to} (both included) a metric covers
 * @param defaultDays        the period of a metric asked without {@code from}: so many days up to {@code to}
 * @param volumeTarget       the programme's volume target per quarter (-10%: a fall of a tenth on the quarter before)
 * @param satisfactionTarget the programme's satisfaction target (80%)
 * @param satisfactionBaseline the programme's satisfaction baseline (65%)
 * @param defaultQuarters    quarters a trend shows when not asked
 * @param maxQuarters        the most quarters a trend shows
 * @param hotSpotDeviations  a hot spot's volume is more than so many standard deviations above its trailing mean
 * @param hotSpotTrailingPeriods the periods before the examined one that make the trailing mean
 * @param hotSpotMinimumCount the least volume of a hot spot
 * @param overdueBands       the upper ends of the overdue-age bands below the last: < 1 day, 1-3 days, 3-7 days
 */
@ConfigurationProperties("complaints.statistics")
public record StatisticsSettings(
        @DefaultValue("UTC") ZoneId zone,
        @DefaultValue("366") int maxDays,
        @DefaultValue("30") int defaultDays,
        @DefaultValue("-0.10") BigDecimal volumeTarget,
        @DefaultValue("0.80") BigDecimal satisfactionTarget,
        @DefaultValue("0.65") BigDecimal satisfactionBaseline,
        @DefaultValue("4") int defaultQuarters,
        @DefaultValue("20") int maxQuarters,
        @DefaultValue("3") double hotSpotDeviations,
        @DefaultValue("8") int hotSpotTrailingPeriods,
        @DefaultValue("10") int hotSpotMinimumCount,
        @DefaultValue({"P1D", "P3D", "P7D"}) Duration[] overdueBands) {

    public static final StatisticsSettings DEFAULTS = new StatisticsSettings(ZoneId.of("UTC"), 366, 30,
            new BigDecimal("-0.10"), new BigDecimal("0.80"), new BigDecimal("0.65"), 4, 20, 3, 8, 10,
            new Duration[]{Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7)});

    public StatisticsSettings {
        if (maxDays < 1 || defaultDays < 1 || defaultQuarters < 1 || maxQuarters < defaultQuarters
                || hotSpotTrailingPeriods < 2 || hotSpotMinimumCount < 1 || hotSpotDeviations < 0
                || overdueBands == null || overdueBands.length != 3) {
            throw new IllegalArgumentException("complaints.statistics: max-days, default-days, default-quarters at least 1, "
                    + "max-quarters at least default-quarters, hot-spot-trailing-periods at least 2, "
                    + "hot-spot-minimum-count at least 1, hot-spot-deviations not negative, three overdue-bands");
        }
    }

    /** Refuses a period that ends before it starts, or longer than {@code max-days}, naming the parameter. */
    void check(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new InvalidValueException("from", "must not be after to");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > maxDays) {
            throw new InvalidValueException("to", "must be at most " + maxDays + " days from `from` (both included)");
        }
    }
}
