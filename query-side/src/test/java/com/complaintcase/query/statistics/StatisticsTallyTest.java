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
import java.util.function.Supplier;
import java.util.stream.Stream;

import static com.complaintcase.query.scenario.ComplaintStory.aCase;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Given events, the statistics answers without a drill-down (counted by the database, over the day tally) are the
 * answers with one (counted case by case, with the ids), for every grouping; the tally counts a redelivered event
 * once and a reset and replay rebuild it.
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
    void every_metric_counted_by_the_database_equals_the_metric_counted_case_by_case_for_every_grouping() {
        given(stories.toArray(ComplaintStory[]::new));
        Drill anyDrill = new Drill(Tally.TOTAL, "anything");

        for (Grouping groupBy : GROUPINGS) {
            assertThat(ask(() -> statistics.onTime(new OnTime(FROM, TO, groupBy, null))))
                    .usingRecursiveComparison().ignoringFields("asOf", "drill")
                    .isEqualTo(ask(() -> statistics.onTime(new OnTime(FROM, TO, groupBy, anyDrill))));
            assertThat(ask(() -> statistics.rates(new Rates(FROM, TO, groupBy, null))))
                    .usingRecursiveComparison().ignoringFields("asOf", "drill")
                    .isEqualTo(ask(() -> statistics.rates(new Rates(FROM, TO, groupBy, anyDrill))));
            assertThat(ask(() -> statistics.compensation(new StatisticsQueries.Compensation(FROM, TO, groupBy, null))))
                    .usingRecursiveComparison().ignoringFields("asOf", "drill")
                    .isEqualTo(ask(() -> statistics.compensation(new StatisticsQueries.Compensation(FROM, TO, groupBy, anyDrill))));
            assertThat(ask(() -> statistics.trend(new Trend(3, groupBy, null))))
                    .usingRecursiveComparison().ignoringFields("asOf", "drill")
                    .isEqualTo(ask(() -> statistics.trend(new Trend(3, groupBy, anyDrill))));
            assertThat(ask(() -> statistics.overdueAge(new OverdueAge(groupBy, null))))
                    .usingRecursiveComparison().ignoringFields("asOf", "drill")
                    .isEqualTo(ask(() -> statistics.overdueAge(new OverdueAge(groupBy, anyDrill))));
            for (PeriodUnit period : PeriodUnit.values()) {
                assertThat(ask(() -> statistics.hotSpots(new HotSpots(period, LocalDate.parse("2026-11-13"), groupBy, null))))
                        .usingRecursiveComparison().ignoringFields("asOf", "drill")
                        .isEqualTo(ask(() -> statistics.hotSpots(new HotSpots(period, LocalDate.parse("2026-11-13"), groupBy, anyDrill))));
            }
            if (groupBy != null) {
                // each day with registrations, and the days their first clocks end or are breached
                for (LocalDate day = LocalDate.parse("2026-08-03"); day.isBefore(TO); day = day.plusDays(groupBy == Grouping.LEVEL ? 1 : 3)) {
                    LocalDate date = day;
                    assertThat(ask(() -> statistics.daily(new Daily(date, groupBy, null))))
                            .usingRecursiveComparison().ignoringFields("asOf", "drill")
                            .isEqualTo(ask(() -> statistics.daily(new Daily(date, groupBy, anyDrill))));
                }
            }
        }
        assertThat(ask(() -> statistics.rates(new Rates(FROM, TO, null, null))).overall().registered())
                .isEqualTo(stories.size());
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
