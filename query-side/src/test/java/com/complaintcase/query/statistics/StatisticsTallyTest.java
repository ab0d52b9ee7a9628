package com.complaintcase.query.statistics;

import com.complaintcase.query.scenario.ComplaintStory;
import com.complaintcase.query.scenario.ProjectionTestSupport;
import com.complaintcase.query.statistics.StatisticsQueries.*;
import com.complaintcase.values.Channel;
import com.complaintcase.values.EscalationReason;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.Money;
import com.complaintcase.values.Responsibility;
import com.complaintcase.values.Validity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static com.complaintcase.query.scenario.ComplaintStory.aCase;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Given events, the metrics added up from the day tally are the metrics counted from the facts, for every grouping; a
 * drill-down lists as many cases as its figure counts; the tally counts a redelivered event once and a reset and replay
 * rebuild it.
 */
class StatisticsTallyTest extends ProjectionTestSupport {

    private static final LocalDate FROM = LocalDate.parse("2026-08-01");
    private static final LocalDate TO = LocalDate.parse("2026-11-30");
    private static final List<Grouping> GROUPINGS = Stream.concat(Stream.of((Grouping) null), Arrays.stream(Grouping.values())).toList();

    @Autowired
    private StatisticsQueryHandler statistics;

    @Autowired
    private PlatformTransactionManager transactions;

    private List<ComplaintStory> stories;

    private <T> T ask(Supplier<T> question) {
        return new TransactionTemplate(transactions).execute(status -> question.get());
    }

    @BeforeEach
    void aMixOfCasesOverMonths() {
        stories = new ArrayList<>();
        for (int week = 0; week < 14; week++) {
            Instant at = Instant.parse("2026-08-03T09:00:00Z").plus(Duration.ofDays(7L * week));
            String branch = week % 3 == 0 ? "BR-0200" : "BR-0300";
            stories.add(aCase().receivedAt(at).inBranch(branch).registered().investigatedBy("handler1").resolved()
                    .feedback(1 + week % 5));
            stories.add(aCase().receivedAt(at.plus(Duration.ofHours(3))).inBranch(branch).through(Channel.REGULATOR)
                    .registered().reviewed(HandlingLevel.FIRST_LEVEL_BRANCH).assignedTo("handler1").contacted()
                    .findingsRecorded(Validity.VALID, Responsibility.LIABLE)
                    .resolutionProposed(Money.of("40.00", week % 2 == 0 ? "CNY" : "USD")).compensationApproved());
            stories.add(aCase().receivedAt(at.plus(Duration.ofHours(5))).inBranch(branch).registered().reviewed()
                    .escalated(EscalationReason.CUSTOMER_REQUEST).escalated(EscalationReason.BEYOND_AUTHORITY));
            stories.add(aCase().receivedAt(at.plus(Duration.ofHours(6))).registered().reviewed(HandlingLevel.FIRST_LEVEL_BRANCH)
                    .assignedTo("handler1").contacted().idleUntil(at.plus(Duration.ofDays(20))));
        }
        stories.add(aCase().receivedAt(Instant.parse("2026-11-13T09:00:00Z")).registered().investigatedBy("handler1")
                .resolved().closed().reopened());
        now(Instant.parse("2026-11-14T12:00:00Z"));
    }

    @Test
    void every_metric_added_up_from_the_day_tally_equals_the_metric_counted_from_the_facts_for_every_grouping() {
        given(stories.toArray(ComplaintStory[]::new));

        for (Grouping groupBy : GROUPINGS) {
            assertSameFromTallyAndFacts(() -> statistics.onTime(new OnTime(FROM, TO, groupBy, null)));
            assertSameFromTallyAndFacts(() -> statistics.rates(new Rates(FROM, TO, groupBy, null)));
            assertSameFromTallyAndFacts(() -> statistics.compensation(new StatisticsQueries.Compensation(FROM, TO, groupBy, null)));
            assertSameFromTallyAndFacts(() -> statistics.trend(new Trend(3, groupBy, null)));
            for (PeriodUnit period : PeriodUnit.values()) {
                assertSameFromTallyAndFacts(() -> statistics.hotSpots(new HotSpots(period, LocalDate.parse("2026-11-13"), groupBy, null)));
            }
        }
        RatesReport rates = ask(() -> statistics.rates(new Rates(FROM, TO, null, null)));
        assertThat(rates.overall().registered()).isEqualTo(stories.size());
    }

    private void assertSameFromTallyAndFacts(Supplier<Object> report) {
        Object fromTally = ask(report);
        statistics.readTally(false);
        try {
            assertThat(fromTally).usingRecursiveComparison().ignoringFields("asOf").isEqualTo(ask(report));
        } finally {
            statistics.readTally(true);
        }
    }

    @Test
    void a_drill_down_lists_as_many_cases_as_its_figure_counts_for_every_group() {
        given(stories.toArray(ComplaintStory[]::new));

        for (Grouping groupBy : List.of(Grouping.CATEGORY, Grouping.BRANCH_CODE, Grouping.LEVEL)) {
            RatesReport rates = ask(() -> statistics.rates(new Rates(FROM, TO, groupBy, null)));
            for (RateFigures group : concat(rates.groups(), rates.overall())) {
                String key = group.key() == null ? Tally.TOTAL : group.key();
                Map<String, Long> figures = new java.util.LinkedHashMap<>(Map.of("registered", group.registered(),
                        "repeat", group.repeat(), "escalated", group.escalated()));
                group.escalationsByReason().forEach((reason, count) -> figures.put("reason:" + reason, count));
                group.escalationsByLevel().forEach((level, count) -> figures.put("level:" + level, count));
                figures.forEach((figure, count) -> assertThat(ask(() -> statistics.rates(new Rates(FROM, TO, groupBy,
                        new Drill(key, figure)))).drill().count()).as("rates %s %s %s", groupBy, key, figure).isEqualTo(count));
            }
            OnTimeReport onTime = ask(() -> statistics.onTime(new OnTime(FROM, TO, groupBy, null)));
            List<GroupClocks> clockGroups = new ArrayList<>(onTime.groups());
            clockGroups.add(new GroupClocks(Tally.TOTAL, onTime.clocks()));
            for (GroupClocks group : clockGroups) {
                for (ClockRate rate : group.clocks()) {
                    Map.of("ended", rate.ended(), "metInTime", rate.metInTime(), "breached", rate.breached())
                            .forEach((ending, count) -> assertThat(ask(() -> statistics.onTime(new OnTime(FROM, TO, groupBy,
                                    new Drill(group.key(), rate.clock() + "." + ending)))).drill().count())
                                    .as("on time %s %s %s.%s", groupBy, group.key(), rate.clock(), ending).isEqualTo(count));
                }
            }
            CompensationReport compensation = ask(() -> statistics.compensation(new StatisticsQueries.Compensation(FROM, TO, groupBy, null)));
            for (CompensationFigures group : concat(compensation.groups(), compensation.overall())) {
                String key = group.key() == null ? Tally.TOTAL : group.key();
                Map.of("proposed", group.proposed(), "approved", group.approved(), "paid", group.paid())
                        .forEach((stage, currencies) -> currencies.forEach((currency, amounts) -> assertThat(ask(() ->
                                statistics.compensation(new StatisticsQueries.Compensation(FROM, TO, groupBy,
                                        new Drill(key, stage + "." + currency)))).drill().count()).isEqualTo(amounts.count())));
            }
            TrendReport trend = ask(() -> statistics.trend(new Trend(3, groupBy, null)));
            List<GroupTrend> trendGroups = new ArrayList<>(trend.groups());
            trendGroups.add(new GroupTrend(Tally.TOTAL, trend.quarters()));
            for (GroupTrend group : trendGroups) {
                for (Quarter quarter : group.quarters()) {
                    Map.of("volume", quarter.volume(), "responses", quarter.responses(), "satisfied", quarter.satisfied())
                            .forEach((measure, count) -> assertThat(ask(() -> statistics.trend(new Trend(3, groupBy,
                                    new Drill(group.key(), quarter.quarter() + "." + measure)))).drill().count())
                                    .as("trend %s %s %s.%s", groupBy, group.key(), quarter.quarter(), measure).isEqualTo(count));
                }
            }
            HotSpotReport weekly = ask(() -> statistics.hotSpots(new HotSpots(PeriodUnit.WEEK, LocalDate.parse("2026-11-09"), groupBy, null)));
            for (HotSpot spot : weekly.hotSpots()) {
                assertThat(ask(() -> statistics.hotSpots(new HotSpots(PeriodUnit.WEEK, LocalDate.parse("2026-11-09"), groupBy,
                        new Drill(spot.key(), null)))).drill().count()).isEqualTo(spot.count());
            }
            for (LocalDate day = LocalDate.parse("2026-08-03"); groupBy != Grouping.BRANCH_CODE && day.isBefore(TO);
                 day = day.plusDays(groupBy == Grouping.LEVEL ? 1 : 2)) {
                LocalDate date = day;
                DailyStatistics daily = ask(() -> statistics.daily(new Daily(date, groupBy, null)));
                for (ClassRow row : concat(daily.rows(), daily.totals())) {
                    String key = row.key() == null ? Tally.TOTAL : row.key();
                    Map<String, Long> figures = new java.util.LinkedHashMap<>(Map.of("complaint", row.complaint(),
                            "inquiry", row.inquiry(), "notCounted", row.notCounted(),
                            "cases", row.complaint() + row.inquiry() + row.notCounted()));
                    figures.putAll(row.byResponsibility());
                    figures.forEach((figure, count) -> assertThat(ask(() -> statistics.daily(new Daily(date, groupBy,
                            new Drill(key, figure)))).drill().count()).as("daily %s %s %s %s", date, groupBy, key, figure)
                            .isEqualTo(count));
                }
                for (Reclassification change : daily.reclassified()) {
                    assertThat(ask(() -> statistics.daily(new Daily(date, groupBy, new Drill(change.key(),
                            change.from() + ">" + change.to())))).drill().count()).isEqualTo(change.count());
                }
            }
        }
        OverdueAgeReport overdue = ask(() -> statistics.overdueAge(new OverdueAge(Grouping.BRANCH_CODE, null)));
        assertThat(overdue.overdue()).isPositive();
        for (OverdueGroup group : concat(overdue.groups(), new OverdueGroup(Tally.TOTAL, overdue.overdue(), overdue.bands()))) {
            assertThat(ask(() -> statistics.overdueAge(new OverdueAge(Grouping.BRANCH_CODE, new Drill(group.key(), "overdue"))))
                    .drill().count()).isEqualTo(group.overdue());
            group.bands().forEach((band, count) -> assertThat(ask(() -> statistics.overdueAge(new OverdueAge(
                    Grouping.BRANCH_CODE, new Drill(group.key(), band)))).drill().count()).isEqualTo(count));
        }
    }

    @Test
    void a_drill_down_into_a_figure_or_group_no_report_has_lists_no_case() {
        given(stories.toArray(ComplaintStory[]::new));

        assertThat(ask(() -> statistics.rates(new Rates(FROM, TO, Grouping.CATEGORY, new Drill("NO_SUCH_CATEGORY", "registered"))))
                .drill().count()).isZero();
        assertThat(ask(() -> statistics.rates(new Rates(FROM, TO, null, new Drill("BUSINESS_ERROR", "registered"))))
                .drill().count()).isZero();
        assertThat(ask(() -> statistics.onTime(new OnTime(FROM, TO, null, new Drill(Tally.TOTAL, "RESPONSE.late"))))
                .drill().count()).isZero();
        assertThat(ask(() -> statistics.trend(new Trend(3, null, new Drill(Tally.TOTAL, "1999-Q1.volume")))).drill().count())
                .isZero();
        assertThat(ask(() -> statistics.daily(new Daily(LocalDate.parse("2026-08-03"), Grouping.CATEGORY,
                new Drill(Tally.TOTAL, "COMPLAINT>COMPLAINT")))).drill().count()).isZero();
        assertThat(ask(() -> statistics.compensation(new StatisticsQueries.Compensation(FROM, TO, null,
                new Drill(Tally.TOTAL, "PROPOSED.CNY")))).drill().count()).isZero();
    }

    @SafeVarargs
    private static <T> List<T> concat(List<T> groups, T... more) {
        List<T> all = new ArrayList<>(groups == null ? List.of() : groups);
        all.addAll(Arrays.asList(more));
        return all;
    }

    @Test
    void the_tally_counts_a_redelivered_event_once_and_a_reset_and_replay_rebuild_it() {
        given(stories.toArray(ComplaintStory[]::new))
                .then(readModel -> assertThat(projections.rows("statistics_tally")).isPositive())
                .whenDeliveredAgain()
                .thenNothingChanged()
                .whenResetAndReplayed()
                .thenNothingChanged();
    }

    @Test
    void the_tally_holds_no_row_of_the_level_grouping_which_moves_with_a_case() {
        given(stories.toArray(ComplaintStory[]::new));

        assertThat(projections.rows("statistics_tally")).isPositive();
        Long levelRows = projections.read(entityManager -> entityManager.createQuery(
                "select count(t) from StatisticsTally t where t.grouping = 'LEVEL'", Long.class).getSingleResult());
        assertThat(levelRows).isZero();
    }
}
