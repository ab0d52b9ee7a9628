package com.complaintcase.query.statistics;

import com.complaintcase.events.complaint.CompensationApproved;
import com.complaintcase.events.complaint.CompensationPaid;
import com.complaintcase.events.complaint.ComplaintEnteredLate;
import com.complaintcase.events.complaint.ComplaintEscalated;
import com.complaintcase.events.complaint.ComplaintEvent;
import com.complaintcase.events.complaint.ComplaintRegistered;
import com.complaintcase.events.complaint.ComplaintReopened;
import com.complaintcase.events.complaint.ComplaintReviewed;
import com.complaintcase.events.complaint.DeadlineBreached;
import com.complaintcase.events.complaint.DeadlineMet;
import com.complaintcase.events.complaint.FindingsRecorded;
import com.complaintcase.events.complaint.ResolutionProposed;
import com.complaintcase.query.scenario.ComplaintStory;
import com.complaintcase.query.scenario.ProjectionTestSupport;
import com.complaintcase.query.statistics.StatisticsQueries.*;
import com.complaintcase.values.EscalationReason;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.Money;
import com.complaintcase.values.ReviewOutcome;
import com.complaintcase.values.SlaClock;
import com.complaintcase.workload.CaseScript;
import com.complaintcase.workload.Life;
import com.complaintcase.workload.Workload;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import static com.complaintcase.query.scenario.ComplaintStory.aCase;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An independent oracle: a seeded workload of 2,000 cases (the brief's mix: outside channels, repeats, escalations,
 * late entries, withdrawn, reopened, compensation in two currencies, and open cases whose clocks run out days after
 * their registration), its figures computed here straight from the list of events by a few lines of separate code,
 * and compared with the statistics' answers for several days and periods.
 */
class StatisticsOracleTest extends ProjectionTestSupport {

    private static final int CASES = 2_000;
    private static final Instant FIRST = Instant.parse("2026-09-01T00:00:00Z");
    private static final Duration SPREAD = Duration.ofDays(30);

    @Autowired
    private StatisticsQueryHandler statistics;

    @Autowired
    private PlatformTransactionManager transactions;

    private <T> T ask(Supplier<T> question) {
        return new TransactionTemplate(transactions).execute(status -> question.get());
    }

    @Test
    void the_statistics_match_figures_computed_directly_from_the_events() {
        List<List<DomainEventMessage<?>>> histories = workload();
        List<DomainEventMessage<?>> all = histories.stream().flatMap(List::stream).toList();
        // to the statistics projection alone, in one transaction: the oracle is about its figures (20,000 events)
        projections.deliverInOneBatch(StatisticsProjection.PROCESSING_GROUP, all);

        int reclassifiedDays = 0;
        for (int day = 0; day < 34; day += 3) {
            LocalDate date = LocalDate.ofInstant(FIRST, ZoneOffset.UTC).plusDays(day);
            DailyStatistics answer = ask(() -> statistics.daily(new Daily(date, Grouping.CATEGORY, null)));
            Map<String, long[]> expected = expectedDaily(histories, date);
            assertThat(rows(answer)).as("daily " + date).isEqualTo(render(expected));
            Map<String, Long> expectedChanges = expectedReclassified(histories, date);
            Map<String, Long> changes = new TreeMap<>();
            answer.reclassified().forEach(r -> changes.put(r.key() + " " + r.from() + ">" + r.to(), r.count()));
            assertThat(changes).as("reclassified " + date).isEqualTo(expectedChanges);
            reclassifiedDays += changes.isEmpty() ? 0 : 1;
        }
        assertThat(reclassifiedDays).as("days on which earlier cases changed class").isGreaterThan(3);

        for (LocalDate[] period : List.of(new LocalDate[]{LocalDate.parse("2026-09-01"), LocalDate.parse("2026-09-10")},
                new LocalDate[]{LocalDate.parse("2026-09-11"), LocalDate.parse("2026-10-10")})) {
            Instant from = period[0].atStartOfDay().toInstant(ZoneOffset.UTC);
            Instant to = period[1].plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);

            RatesReport rates = ask(() -> statistics.rates(new Rates(period[0], period[1], null, null)));
            long[] expectedRates = expectedRates(histories, from, to);
            assertThat(new long[]{rates.overall().registered(), rates.overall().repeat(), rates.overall().escalated(),
                    rates.overall().escalationsByReason().values().stream().mapToLong(Long::longValue).sum()})
                    .as("rates " + period[0]).containsExactly(expectedRates);
            assertThat(expectedRates[1]).isPositive();

            CompensationReport compensation = ask(() -> statistics.compensation(new StatisticsQueries.Compensation(
                    period[0], period[1], null, null)));
            assertThat(render(compensation.overall())).as("compensation " + period[0])
                    .isEqualTo(expectedCompensation(histories, from, to));

            OnTimeReport onTime = ask(() -> statistics.onTime(new OnTime(period[0], period[1], null, null)));
            Map<String, String> clocks = new TreeMap<>();
            onTime.clocks().stream().filter(c -> c.ended() > 0)
                    .forEach(c -> clocks.put(c.clock(), c.ended() + "/" + c.metInTime() + "/" + c.onTimeRate()));
            assertThat(clocks).as("on time " + period[0]).isEqualTo(expectedOnTime(histories, from, to));
        }
    }

    // ---- the seeded workload, as events ----

    private static List<List<DomainEventMessage<?>>> workload() {
        Workload workload = new Workload(17);
        List<List<DomainEventMessage<?>>> histories = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            CaseScript script = workload.next();
            Instant registeredAt = FIRST.plus(SPREAD.multipliedBy(i).dividedBy(CASES));
            histories.add(new ArrayList<>(life(script, registeredAt, i).messages()));
        }
        return histories;
    }

    private static ComplaintStory life(CaseScript script, Instant registeredAt, int i) {
        boolean late = script.lateEntryReason() != null;
        ComplaintStory story = aCase().through(script.channel()).inBranch(script.branchCode().value())
                .about(script.subcategory()).withRootIssue(script.rootIssue()).flagged(script.flags())
                .receivedAt(registeredAt.minus(late ? Duration.ofHours(30) : Duration.ofMinutes(30)));
        if (late) {
            story.registeredLate(Duration.ofHours(6), script.lateEntryReason());
        } else {
            story.registered();
        }
        if (script.repeatOf() >= 0) {
            story.escalated(EscalationReason.REPEAT_COMPLAINT);
        }
        Life life = script.life();
        boolean idle = i % 5 == 0;
        switch (life.ending()) {
            case OPEN_REGISTERED -> {
                return idle ? story.idleUntil(registeredAt.plus(Duration.ofDays(4))) : story;
            }
            case NOT_A_COMPLAINT -> {
                return story.foundNotAComplaint();
            }
            default -> story.reviewed();
        }
        if (life.escalation() != null && story.messages().stream().noneMatch(m -> m.getPayload() instanceof ComplaintEscalated e
                && e.toLevel() == HandlingLevel.REGULATOR_REPORTED)) {
            story.escalated(life.escalation());
        }
        story.assignedTo(life.handlerId());
        if (idle) {
            // the first contact made days late: its clock runs out after the day of registration
            story.idleUntil(registeredAt.plus(Duration.ofDays(3)));
        }
        switch (life.ending()) {
            case WITHDRAWN -> {
                return story.withdrawn();
            }
            case OPEN_ASSIGNED -> {
                return story;
            }
            default -> story.contacted().findingsRecorded(life.validity(), life.responsibility());
        }
        if (life.ending() == Life.Ending.OPEN_IN_PROGRESS) {
            return story;
        }
        Money compensation = life.compensation() == null ? null
                : i % 7 == 0 ? Money.of(life.compensation().amount().toPlainString(), "USD") : life.compensation();
        if (life.firstResolutionRejected()) {
            story.resolutionProposed().resolutionRejected();
        }
        story.resolutionProposed(compensation);
        if (compensation != null) {
            if (life.compensationApproved()) {
                story.compensationApproved();
            } else {
                story.compensationRejected().resolutionProposed();
                compensation = null;
            }
        }
        story.resolutionAccepted();
        if (compensation != null) {
            story.compensationPaid(compensation);
        }
        if (life.score() > 0) {
            story.feedback(life.score());
        }
        if (life.ending() == Life.Ending.CLOSED) {
            story.closed();
            if (i % 23 == 0) {
                story.after(Duration.ofDays(2)).reopened();
            }
        }
        return story;
    }

    // ---- the oracle: figures straight from the events ----

    private static ComplaintEvent payload(DomainEventMessage<?> message) {
        return (ComplaintEvent) message.getPayload();
    }

    private static ComplaintRegistered registration(List<DomainEventMessage<?>> history) {
        return (ComplaintRegistered) payload(history.get(0));
    }

    /** complaint, inquiry or not counted, and responsibility, from the events recorded before {@code end}. */
    private static String[] classAt(List<DomainEventMessage<?>> history, Instant end) {
        ComplaintRegistered registered = registration(history);
        boolean complaint = registered.channel().isOutside() || registered.flags().skippedLevel();
        boolean above = registered.level() != HandlingLevel.BRANCH;
        boolean notAComplaint = false;
        String responsibility = "UNDETERMINED";
        for (DomainEventMessage<?> message : history) {
            if (!message.getTimestamp().isBefore(end)) {
                break;
            }
            ComplaintEvent event = payload(message);
            if (event instanceof ComplaintEnteredLate || event instanceof ComplaintReopened
                    || event instanceof DeadlineBreached breach && breach.clock() != SlaClock.SUMMARY_RESOLUTION) {
                complaint = true;
            }
            if (event instanceof ComplaintEscalated escalation) {
                above = true;
                complaint |= escalation.reason() == EscalationReason.REPEAT_COMPLAINT;
            }
            if (event instanceof ComplaintReviewed review) {
                notAComplaint = review.outcome() == ReviewOutcome.NOT_A_COMPLAINT;
                above |= review.handlingLevel() != HandlingLevel.BRANCH;
            }
            if (event instanceof FindingsRecorded findings) {
                responsibility = findings.responsibility().name();
            }
        }
        String countingClass = complaint ? "complaint" : notAComplaint || !above ? "notCounted" : "inquiry";
        return new String[]{countingClass, responsibility};
    }

    private static Map<String, long[]> expectedDaily(List<List<DomainEventMessage<?>>> histories, LocalDate date) {
        Instant start = date.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant end = date.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Map<String, long[]> rows = new TreeMap<>();
        for (List<DomainEventMessage<?>> history : histories) {
            ComplaintRegistered registered = registration(history);
            if (registered.registeredAt().isBefore(start) || !registered.registeredAt().isBefore(end)) {
                continue;
            }
            String[] counted = classAt(history, end);
            for (String key : List.of(registered.category().name(), Tally.TOTAL)) {
                long[] row = rows.computeIfAbsent(key, k -> new long[7]);
                row[List.of("complaint", "inquiry", "notCounted").indexOf(counted[0])]++;
                if (!counted[0].equals("notCounted")) {
                    row[3 + List.of("LIABLE", "NOT_LIABLE", "SHARED", "UNDETERMINED").indexOf(counted[1])]++;
                }
            }
        }
        return rows;
    }

    private static Map<String, Long> expectedReclassified(List<List<DomainEventMessage<?>>> histories, LocalDate date) {
        Instant start = date.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant end = date.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Map<String, Long> changes = new TreeMap<>();
        for (List<DomainEventMessage<?>> history : histories) {
            ComplaintRegistered registered = registration(history);
            if (!registered.registeredAt().isBefore(start)) {
                continue;
            }
            String before = classAt(history, start)[0];
            String after = classAt(history, end)[0];
            if (!before.equals(after)) {
                changes.merge(registered.category() + " " + name(before) + ">" + name(after), 1L, Long::sum);
            }
        }
        return changes;
    }

    private static String name(String figure) {
        return switch (figure) {
            case "complaint" -> "COMPLAINT";
            case "inquiry" -> "INQUIRY";
            default -> "NOT_COUNTED";
        };
    }

    private static Map<String, String> render(Map<String, long[]> rows) {
        Map<String, String> rendered = new TreeMap<>();
        rows.forEach((key, row) -> rendered.put(key, java.util.Arrays.toString(row)));
        return rendered;
    }

    private static Map<String, String> rows(DailyStatistics answer) {
        Map<String, String> rendered = new TreeMap<>();
        List<ClassRow> rows = new ArrayList<>(answer.rows());
        if (answer.totals().complaint() + answer.totals().inquiry() + answer.totals().notCounted() > 0) {
            rows.add(answer.totals());
        }
        for (ClassRow row : rows) {
            Map<String, Long> r = row.byResponsibility();
            rendered.put(row.key(), java.util.Arrays.toString(new long[]{row.complaint(), row.inquiry(), row.notCounted(),
                    r.get("LIABLE"), r.get("NOT_LIABLE"), r.get("SHARED"), r.get("UNDETERMINED")}));
        }
        return rendered;
    }

    /** registered, repeat, escalated, escalations: of the cases registered in [from, to). */
    private static long[] expectedRates(List<List<DomainEventMessage<?>>> histories, Instant from, Instant to) {
        long[] figures = new long[4];
        for (List<DomainEventMessage<?>> history : histories) {
            Instant at = registration(history).registeredAt();
            if (at.isBefore(from) || !at.isBefore(to)) {
                continue;
            }
            figures[0]++;
            List<ComplaintEvent> events = history.stream().map(StatisticsOracleTest::payload).toList();
            if (events.stream().anyMatch(e -> e instanceof ComplaintReopened
                    || e instanceof ComplaintEscalated x && x.reason() == EscalationReason.REPEAT_COMPLAINT)) {
                figures[1]++;
            }
            long escalations = events.stream().filter(ComplaintEscalated.class::isInstance).count();
            figures[2] += escalations > 0 ? 1 : 0;
            figures[3] += escalations;
        }
        return figures;
    }

    private static Map<String, String> expectedCompensation(List<List<DomainEventMessage<?>>> histories, Instant from,
                                                            Instant to) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        Map<String, Long> counts = new TreeMap<>();
        for (List<DomainEventMessage<?>> history : histories) {
            for (DomainEventMessage<?> message : history) {
                if (message.getTimestamp().isBefore(from) || !message.getTimestamp().isBefore(to)) {
                    continue;
                }
                Money amount = null;
                String stage = null;
                if (payload(message) instanceof ResolutionProposed p && p.compensation() != null) {
                    amount = p.compensation();
                    stage = "proposed";
                } else if (payload(message) instanceof CompensationApproved a) {
                    amount = a.amount();
                    stage = "approved";
                } else if (payload(message) instanceof CompensationPaid p) {
                    amount = p.amount();
                    stage = "paid";
                }
                if (amount != null) {
                    sums.merge(stage + " " + amount.currency(), amount.amount(), BigDecimal::add);
                    counts.merge(stage + " " + amount.currency(), 1L, Long::sum);
                }
            }
        }
        Map<String, String> rendered = new TreeMap<>();
        sums.forEach((key, sum) -> rendered.put(key, counts.get(key) + " " + sum.setScale(2, RoundingMode.HALF_UP)));
        return rendered;
    }

    private static Map<String, String> render(CompensationFigures figures) {
        Map<String, String> rendered = new TreeMap<>();
        Map<String, Map<String, Amounts>> stages = Map.of("proposed", figures.proposed(), "approved", figures.approved(),
                "paid", figures.paid());
        stages.forEach((stage, byCurrency) -> byCurrency.forEach((currency, amounts) ->
                rendered.put(stage + " " + currency, amounts.count() + " " + amounts.sum())));
        return rendered;
    }

    /** Per clock that ended in [from, to): ended/met in time/rate, the first ending of each clock counting. */
    private static Map<String, String> expectedOnTime(List<List<DomainEventMessage<?>>> histories, Instant from, Instant to) {
        Map<String, long[]> clocks = new TreeMap<>();
        for (List<DomainEventMessage<?>> history : histories) {
            java.util.Set<String> ended = new java.util.HashSet<>();
            for (DomainEventMessage<?> message : history) {
                SlaClock clock = null;
                Instant due = null;
                Instant at = null;
                boolean inTime = false;
                if (payload(message) instanceof DeadlineMet met) {
                    clock = met.clock();
                    due = met.dueAt();
                    at = met.metAt();
                    inTime = !met.metAt().isAfter(met.dueAt());
                } else if (payload(message) instanceof DeadlineBreached breach) {
                    clock = breach.clock();
                    due = breach.dueAt();
                    at = breach.breachedAt();
                }
                if (clock != null && ended.add(clock + " " + due) && !at.isBefore(from) && at.isBefore(to)) {
                    long[] figures = clocks.computeIfAbsent(clock.name(), c -> new long[2]);
                    figures[0]++;
                    figures[1] += inTime ? 1 : 0;
                }
            }
        }
        Map<String, String> rendered = new TreeMap<>();
        clocks.forEach((clock, f) -> rendered.put(clock, f[0] + "/" + f[1] + "/"
                + BigDecimal.valueOf(f[1]).divide(BigDecimal.valueOf(f[0]), 4, RoundingMode.HALF_UP)));
        return rendered;
    }
}
