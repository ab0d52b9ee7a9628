package com.complaintcase.query.statistics;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * How many facts of a {@link Measure} a reporting day holds for a group of a grouping, per figure (and the sum of their
 * amounts): written by the statistics projection ({@link TallyDeltas}), added up over a period's days by the metrics.
 */
@Entity
@Table(name = "statistics_tally")
@IdClass(StatisticsTally.Key.class)
public class StatisticsTally {

    /** What is counted, and by which day: registrations, the registered cases' repeats and escalations, endings... */
    enum Measure {
        /** "registered", by the day of registration */
        VOLUME,
        /** "repeat", "escalated", "reason:X", "level:X" of the cases registered that day */
        RATES,
        /** "CLOCK.ended", "CLOCK.metInTime", "CLOCK.breached", by the day the clock ended */
        CLOCK,
        /** "stage.CURRENCY" with the amounts, by the day recorded */
        COMPENSATION,
        /** "responses", "satisfied", by the day answered */
        FEEDBACK
    }

    @Id
    @Column(name = "grouping_name", length = 16)
    String grouping;

    @Id
    @Column(name = "measure", length = 16)
    String measure;

    @Id
    @Column(name = "tally_day")
    LocalDate day;

    @Id
    @Column(name = "group_key", length = 40)
    String groupKey;

    @Id
    @Column(name = "figure", length = 60)
    String figure;

    @Column(name = "tally_count", nullable = false)
    long count;

    @Column(name = "amount", nullable = false, precision = 19, scale = 4)
    BigDecimal amount;

    protected StatisticsTally() {
    }

    public static class Key implements Serializable {
        String grouping;
        String measure;
        LocalDate day;
        String groupKey;
        String figure;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && grouping.equals(key.grouping) && measure.equals(key.measure)
                    && day.equals(key.day) && groupKey.equals(key.groupKey) && figure.equals(key.figure);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(grouping, measure, day, groupKey, figure);
        }
    }
}
