package com.complaintcase.query.statistics;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The bank's own statistics: the questions and their answers. No personal data in any of them; a drill-down gives
 * case ids only. Every answer names the reporting zone its days are in and {@code asOf}, the instant its data reached.
 */
public final class StatisticsQueries {

    private StatisticsQueries() {
    }

    /** The case ids behind one figure: {@code key} a group's key (or {@code TOTAL}), {@code figure} the figure's name. */
    public record Drill(String key, String figure) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DrillDown(String key, String figure, long count, List<String> complaintIds) {
    }

    // ---- daily counting classes ----

    public record Daily(LocalDate date, Grouping groupBy, Drill drill) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DailyStatistics(LocalDate date, String groupBy, String zone, Instant asOf, List<ClassRow> rows,
                                  ClassRow totals, List<Reclassification> reclassified, DrillDown drill) {
    }

    /** A group's cases registered that day by their class at the day's end; byResponsibility counts the counted ones. */
    public record ClassRow(String key, long complaint, long inquiry, long notCounted,
                           Map<String, Long> byResponsibility) {
    }

    /** Cases registered before the day whose class changed during it (a breach makes an inquiry a complaint). */
    public record Reclassification(String key, String from, String to, long count) {
    }

    // ---- on-time rate per clock ----

    public record OnTime(LocalDate from, LocalDate to, Grouping groupBy, Drill drill) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OnTimeReport(LocalDate from, LocalDate to, String groupBy, String zone, Instant asOf,
                               List<ClockRate> clocks, List<GroupClocks> groups, DrillDown drill) {
    }

    /** Clocks that ended in the period (met, or breached): met in time / ended; null when none ended. */
    public record ClockRate(String clock, long ended, long metInTime, long breached, BigDecimal onTimeRate) {
    }

    public record GroupClocks(String key, List<ClockRate> clocks) {
    }

    // ---- overdue now, by age ----

    public record OverdueAge(Grouping groupBy, Drill drill) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OverdueAgeReport(String groupBy, Instant asOf, long overdue, Map<String, Long> bands,
                                   List<OverdueGroup> groups, DrillDown drill) {
    }

    public record OverdueGroup(String key, long overdue, Map<String, Long> bands) {
    }

    // ---- repeat and escalation rates ----

    public record Rates(LocalDate from, LocalDate to, Grouping groupBy, Drill drill) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RatesReport(LocalDate from, LocalDate to, String groupBy, String zone, Instant asOf, RateFigures overall,
                              List<RateFigures> groups, DrillDown drill) {
    }

    /**
     * Of the cases registered in the period: how many were repeat complaints and how many were escalated at least once
     * (rates of the registered, null when none were), and their escalations by reason and by the level reached.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RateFigures(String key, long registered, long repeat, BigDecimal repeatRate, long escalated,
                              BigDecimal escalationRate, Map<String, Long> escalationsByReason,
                              Map<String, Long> escalationsByLevel) {
    }

    // ---- compensation ----

    public record Compensation(LocalDate from, LocalDate to, Grouping groupBy, Drill drill) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CompensationReport(LocalDate from, LocalDate to, String groupBy, String zone, Instant asOf,
                                     CompensationFigures overall, List<CompensationFigures> groups, DrillDown drill) {
    }

    /** Per stage (proposed, approved, paid in the period), per currency: never summed across currencies. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CompensationFigures(String key, Map<String, Amounts> proposed, Map<String, Amounts> approved,
                                      Map<String, Amounts> paid) {
    }

    public record Amounts(long count, BigDecimal sum, BigDecimal average) {
    }

    // ---- quarterly trend ----

    public record Trend(int quarters, Grouping groupBy, Drill drill) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TrendReport(String zone, Instant asOf, BigDecimal volumeTarget, BigDecimal satisfactionTarget,
                              BigDecimal satisfactionBaseline, List<Quarter> quarters, List<GroupTrend> groups,
                              DrillDown drill) {
    }

    /**
     * A quarter's volume (cases registered), its change on the quarter before (null without one) and whether it met
     * the target; its satisfaction (answers given in it) against the target. {@code complete} is false for the
     * running quarter.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Quarter(String quarter, LocalDate start, LocalDate end, boolean complete, long volume,
                          BigDecimal volumeChange, Boolean volumeTargetMet, long responses, long satisfied,
                          BigDecimal satisfactionRate, Boolean satisfactionTargetMet) {
    }

    public record GroupTrend(String key, List<Quarter> quarters) {
    }

    // ---- hot spots ----

    public enum PeriodUnit { DAY, WEEK, MONTH, QUARTER }

    public record HotSpots(PeriodUnit period, LocalDate date, Grouping groupBy, Drill drill) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HotSpotReport(String period, LocalDate periodStart, LocalDate periodEnd, String groupBy, String zone,
                                Instant asOf, HotSpotRule rule, List<HotSpot> hotSpots, DrillDown drill) {
    }

    public record HotSpotRule(String description, double deviations, int trailingPeriods, int minimumCount) {
    }

    /** A group whose volume in the period jumped: its count, trailing mean and deviation, and the rule that fired. */
    public record HotSpot(String key, long count, BigDecimal trailingMean, BigDecimal standardDeviation,
                          BigDecimal deviations, BigDecimal threshold, String rule) {
    }
}
