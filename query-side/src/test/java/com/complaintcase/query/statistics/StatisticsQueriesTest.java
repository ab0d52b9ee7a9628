package com.complaintcase.query.statistics;

import com.complaintcase.query.cases.CaseQueries;
import com.complaintcase.query.cases.CaseQueryHandler;
import com.complaintcase.query.cases.CaseView;
import com.complaintcase.query.scenario.Actors;
import com.complaintcase.query.scenario.ComplaintStory;
import com.complaintcase.query.scenario.ProjectionTestSupport;
import com.complaintcase.query.statistics.StatisticsQueries.*;
import com.complaintcase.query.statistics.counting.CountingClass;
import com.complaintcase.values.Channel;
import com.complaintcase.values.EscalationReason;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.Money;
import com.complaintcase.values.Responsibility;
import com.complaintcase.values.Validity;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import static com.complaintcase.query.scenario.ComplaintStory.aCase;
import static org.assertj.core.api.Assertions.assertThat;

/** Given events, the statistics answers: daily counting classes as they stood, metrics' edge cases, drill-downs. */
class StatisticsQueriesTest extends ProjectionTestSupport {

    private static final LocalDate NOV_2 = LocalDate.parse("2026-11-02");

    @Autowired
    private StatisticsQueryHandler statistics;

    @Autowired
    private CaseQueryHandler cases;

    @Autowired
    private PlatformTransactionManager transactions;

    @Autowired
    private EventStore eventStore;

    private <T> T ask(Supplier<T> question) {
        return new TransactionTemplate(transactions).execute(status -> question.get());
    }

    private DailyStatistics daily(LocalDate date, Grouping groupBy, Drill drill) {
        return ask(() -> statistics.daily(new Daily(date, groupBy, drill)));
    }

    @Test
    void a_day_shows_the_classes_at_its_end_and_a_later_breach_shows_on_the_day_it_happened() {
        ComplaintStory branch = aCase().registered().investigatedBy("handler1").resolved().closed();
        ComplaintStory outside = aCase().through(Channel.REGULATOR).registered()
                .reviewed(HandlingLevel.FIRST_LEVEL_BRANCH).assignedTo("handler1").contacted()
                .findingsRecorded(Validity.VALID, Responsibility.LIABLE);
        ComplaintStory laterBreached = aCase().registered().reviewed(HandlingLevel.FIRST_LEVEL_BRANCH)
                .assignedTo("handler1").contacted().idleUntil(Instant.parse("2026-11-20T00:00:00Z"));
        given(branch, outside, laterBreached);

        DailyStatistics nov2 = daily(NOV_2, Grouping.CATEGORY, null);
        assertThat(nov2.totals().complaint()).isEqualTo(1);
        assertThat(nov2.totals().inquiry()).isEqualTo(1);
        assertThat(nov2.totals().notCounted()).isEqualTo(1);
        assertThat(nov2.totals().byResponsibility()).containsEntry("LIABLE", 1L).containsEntry("UNDETERMINED", 1L)
                .containsEntry("NOT_LIABLE", 0L);
        assertThat(nov2.zone()).isEqualTo("UTC");
        assertThat(nov2.asOf()).isNotNull();

        DailyStatistics nov17 = daily(LocalDate.parse("2026-11-17"), Grouping.CATEGORY, null);
        assertThat(nov17.totals().complaint()).isZero();
        assertThat(nov17.reclassified()).containsExactly(
                new Reclassification("BUSINESS_ERROR", "INQUIRY", "COMPLAINT", 1));
        assertThat(daily(LocalDate.parse("2026-11-17"), Grouping.CATEGORY,
                new Drill("BUSINESS_ERROR", "INQUIRY>COMPLAINT")).drill().complaintIds()).containsExactly(laterBreached.id());
        assertThat(daily(NOV_2, Grouping.CATEGORY, new Drill(Tally.TOTAL, "inquiry")).drill().complaintIds())
                .containsExactly(laterBreached.id());
    }

    @Test
    void the_level_grouping_is_the_level_at_the_days_end() {
        ComplaintStory escalatedNextDay = aCase().registered().reviewed()
                .at(Instant.parse("2026-11-03T10:00:00Z")).escalated(EscalationReason.CUSTOMER_REQUEST);
        given(escalatedNextDay);

        assertThat(daily(NOV_2, Grouping.LEVEL, null).rows()).extracting(ClassRow::key).containsExactly("BRANCH");
        assertThat(daily(NOV_2, Grouping.LEVEL, null).totals().notCounted()).isEqualTo(1);
    }

    @Test
    void the_case_view_carries_its_counting_class_now_and_as_of_a_past_instant() {
        ComplaintStory story = aCase().registered().reviewed(HandlingLevel.FIRST_LEVEL_BRANCH).assignedTo("handler1")
                .contacted().idleUntil(Instant.parse("2026-11-20T00:00:00Z"));
        given(story);
        eventStore.publish(story.messages());
        now(Instant.parse("2026-11-21T00:00:00Z"));

        CaseView current = ask(() -> cases.find(new CaseQueries.FindCase(story.id(), null, null, Actors.ANALYST))).orElseThrow();
        CaseView before = ask(() -> cases.find(new CaseQueries.FindCase(story.id(), Instant.parse("2026-11-10T00:00:00Z"),
                null, Actors.ANALYST))).orElseThrow();

        assertThat(current.countingClass()).isEqualTo(CountingClass.COMPLAINT);
        assertThat(before.countingClass()).isEqualTo(CountingClass.INQUIRY);
    }

    @Test
    void on_time_rate_is_met_in_time_of_the_clocks_that_ended_and_absent_without_any() {
        ComplaintStory inTime = aCase().registered().investigatedBy("handler1").resolved();
        ComplaintStory late = aCase().registered().reviewed().assignedTo("handler1")
                .idleUntil(Instant.parse("2026-11-05T00:00:00Z")).contacted();
        given(inTime, late);

        OnTimeReport report = ask(() -> statistics.onTime(new OnTime(NOV_2, LocalDate.parse("2026-11-30"), null,
                new Drill(Tally.TOTAL, "FIRST_CONTACT.breached"))));

        ClockRate firstContact = report.clocks().stream().filter(c -> c.clock().equals("FIRST_CONTACT")).findFirst().orElseThrow();
        assertThat(firstContact.ended()).isEqualTo(2);
        assertThat(firstContact.metInTime()).isEqualTo(1);
        assertThat(firstContact.breached()).isEqualTo(1);
        assertThat(firstContact.onTimeRate()).isEqualByComparingTo("0.5");
        ClockRate response = report.clocks().stream().filter(c -> c.clock().equals("RESPONSE")).findFirst().orElseThrow();
        assertThat(response.ended()).isZero();
        assertThat(response.onTimeRate()).isNull();
        assertThat(report.drill().complaintIds()).containsExactly(late.id());
    }

    @Test
    void overdue_cases_are_banded_by_how_long_their_earliest_missed_due_time_is_past() {
        ComplaintStory dayOverdue = aCase().registered().reviewed().assignedTo("handler1");
        ComplaintStory onTime = aCase().registered().investigatedBy("handler1");
        ComplaintStory closed = aCase().registered().investigatedBy("handler1").resolved().closed();
        given(dayOverdue, onTime, closed);
        // first contact was due 48 h after registration (2026-11-02T09:30Z); four days later it is 2 days overdue
        now(Instant.parse("2026-11-06T10:00:00Z"));

        OverdueAgeReport report = ask(() -> statistics.overdueAge(new OverdueAge(Grouping.CHANNEL, new Drill(Tally.TOTAL, "1_TO_3_DAYS"))));
        OverdueAgeReport ungrouped = ask(() -> statistics.overdueAge(new OverdueAge(null, null)));

        assertThat(report.overdue()).isEqualTo(1);
        assertThat(report.bands()).containsEntry("1_TO_3_DAYS", 1L).containsEntry("LESS_THAN_1_DAY", 0L);
        assertThat(report.groups()).extracting(OverdueGroup::key).containsExactly("PHONE");
        assertThat(report.drill().complaintIds()).containsExactly(dayOverdue.id());
        assertThat(ungrouped.overdue()).isEqualTo(1);
        assertThat(ungrouped.groups()).isNull();
    }

    @Test
    void rates_without_cases_have_no_rate_rather_than_a_division_by_zero() {
        RatesReport report = ask(() -> statistics.rates(new Rates(NOV_2, NOV_2, Grouping.CATEGORY, null)));

        assertThat(report.overall().registered()).isZero();
        assertThat(report.overall().repeatRate()).isNull();
        assertThat(report.overall().escalationRate()).isNull();
        assertThat(report.groups()).isEmpty();
    }

    @Test
    void repeat_and_escalation_rates_count_reopened_and_withdrawn_cases_of_the_period() {
        ComplaintStory reopened = aCase().registered().investigatedBy("handler1").resolved().closed().reopened();
        ComplaintStory escalatedTwice = aCase().registered().reviewed().escalated(EscalationReason.CUSTOMER_REQUEST)
                .escalated(EscalationReason.BEYOND_AUTHORITY).withdrawn();
        ComplaintStory plain = aCase().registered();
        ComplaintStory withdrawn = aCase().registered().reviewed().assignedTo("handler1").withdrawn();
        given(reopened, escalatedTwice, plain, withdrawn);

        RatesReport report = ask(() -> statistics.rates(new Rates(NOV_2, NOV_2, null, new Drill(Tally.TOTAL, "repeat"))));

        assertThat(report.overall().registered()).isEqualTo(4);
        assertThat(report.overall().repeat()).isEqualTo(1);
        assertThat(report.overall().repeatRate()).isEqualByComparingTo("0.25");
        assertThat(report.overall().escalated()).isEqualTo(1);
        assertThat(report.overall().escalationsByReason()).containsEntry("CUSTOMER_REQUEST", 1L)
                .containsEntry("BEYOND_AUTHORITY", 1L);
        assertThat(report.overall().escalationsByLevel()).containsEntry("FIRST_LEVEL_BRANCH", 1L)
                .containsEntry("HEAD_OFFICE", 1L);
        assertThat(report.drill().complaintIds()).containsExactly(reopened.id());
    }

    @Test
    void compensation_is_counted_and_summed_per_currency_never_across_them() {
        ComplaintStory yuan = aCase().registered().investigatedBy("handler1")
                .resolutionProposed(Money.of("100.00", "CNY")).compensationApproved().resolutionAccepted()
                .compensationPaid(Money.of("100.00", "CNY"));
        ComplaintStory moreYuan = aCase().registered().investigatedBy("handler1")
                .resolutionProposed(Money.of("50.00", "CNY"));
        ComplaintStory dollars = aCase().registered().investigatedBy("handler1")
                .resolutionProposed(Money.of("30.00", "USD")).compensationApproved();
        given(yuan, moreYuan, dollars);

        CompensationReport report = ask(() -> statistics.compensation(new StatisticsQueries.Compensation(NOV_2,
                NOV_2, null, new Drill(Tally.TOTAL, "proposed.CNY"))));

        assertThat(report.overall().proposed().get("CNY")).isEqualTo(new Amounts(2, new BigDecimal("150.00"), new BigDecimal("75.00")));
        assertThat(report.overall().proposed().get("USD")).isEqualTo(new Amounts(1, new BigDecimal("30.00"), new BigDecimal("30.00")));
        assertThat(report.overall().approved()).containsOnlyKeys("CNY", "USD");
        assertThat(report.overall().paid()).containsOnlyKeys("CNY");
        assertThat(report.drill().complaintIds()).containsExactlyInAnyOrder(yuan.id(), moreYuan.id());
    }

    @Test
    void the_trend_compares_each_quarter_with_the_one_before_and_satisfaction_with_its_target() {
        given(aCase().receivedAt(Instant.parse("2026-08-03T09:00:00Z")).registered(),
                aCase().receivedAt(Instant.parse("2026-08-04T09:00:00Z")).registered(),
                aCase().registered().investigatedBy("handler1").resolved().feedback(5),
                aCase().registered().investigatedBy("handler1").resolved().feedback(2));
        now(Instant.parse("2026-11-10T00:00:00Z"));

        TrendReport report = ask(() -> statistics.trend(new Trend(2, null, null)));

        assertThat(report.quarters()).extracting(Quarter::quarter).containsExactly("2026-Q3", "2026-Q4");
        Quarter q4 = report.quarters().get(1);
        assertThat(q4.volume()).isEqualTo(2);
        assertThat(q4.volumeChange()).isEqualByComparingTo("0");
        assertThat(q4.volumeTargetMet()).isFalse();
        assertThat(q4.complete()).isFalse();
        assertThat(q4.satisfactionRate()).isEqualByComparingTo("0.5");
        assertThat(q4.satisfactionTargetMet()).isFalse();
        Quarter q3 = report.quarters().get(0);
        assertThat(q3.volumeChange()).isNull();
        assertThat(q3.satisfactionRate()).isNull();
    }

    @Test
    void a_group_whose_volume_jumps_above_its_history_is_a_hot_spot_and_a_steady_one_is_not() {
        List<ComplaintStory> stories = new java.util.ArrayList<>();
        for (int day = 1; day <= 12; day++) {
            Instant at = Instant.parse("2026-11-02T09:00:00Z").plus(java.time.Duration.ofDays(day - 1L));
            stories.add(aCase().receivedAt(at).inBranch("BR-0200").registered());
        }
        Instant examined = Instant.parse("2026-11-13T09:00:00Z");
        for (int i = 0; i < 12; i++) {
            stories.add(aCase().receivedAt(examined).inBranch("BR-0300").registered());
        }
        stories.add(aCase().receivedAt(examined).inBranch("BR-0200").registered());
        given(stories.toArray(ComplaintStory[]::new));

        HotSpotReport report = ask(() -> statistics.hotSpots(new HotSpots(PeriodUnit.DAY, LocalDate.parse("2026-11-13"),
                Grouping.BRANCH_CODE, new Drill("BR-0300", null))));

        assertThat(report.hotSpots()).extracting(HotSpot::key).containsExactly("BR-0300");
        assertThat(report.hotSpots().get(0).count()).isEqualTo(12);
        assertThat(report.hotSpots().get(0).trailingMean()).isEqualByComparingTo("0");
        assertThat(report.drill().count()).isEqualTo(12);
    }
}
