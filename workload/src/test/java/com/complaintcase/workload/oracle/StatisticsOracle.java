package com.complaintcase.workload.oracle;

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
import com.complaintcase.values.EscalationReason;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.Money;
import com.complaintcase.values.ReviewOutcome;
import com.complaintcase.values.SlaClock;
import com.complaintcase.workload.CaseScript;
import com.complaintcase.workload.Life;
import com.complaintcase.workload.Workload;
import org.axonframework.eventhandling.DomainEventMessage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

import static com.complaintcase.query.scenario.ComplaintStory.aCase;

/**
 * An independent oracle for the statistics: a seeded workload (the brief's mix: outside channels, repeats,
 * escalations, late entries, withdrawn, reopened, compensation in two currencies, and open cases whose clocks run
 * out days after their registration) as the cases' event histories, and its figures computed here straight from
 * those events by a few lines of code of its own, none of the projections'. The figures come in plain forms (maps of
 * strings, counts) that a test renders the statistics' answers into, whether it asks the query handlers or HTTP.
 * Days and periods are in UTC, the reporting zone's default.
 */
public final class StatisticsOracle {

    /** The key of a report's whole-report row. */
    public static final String TOTAL = "TOTAL";
    /** The responsibilities of a daily row, in the order {@link #classRow} lists them. */
    public static final List<String> RESPONSIBILITIES = List.of("LIABLE", "NOT_LIABLE", "SHARED", "UNDETERMINED");
    /** The first day of the workload: its cases are registered over the 30 days from here. */
    public static final LocalDate FIRST_DAY = LocalDate.parse("2026-09-01");

    private static final Instant FIRST = FIRST_DAY.atStartOfDay().toInstant(ZoneOffset.UTC);
    private static final Duration SPREAD = Duration.ofDays(30);
    private static final List<String> CLASSES = List.of("COMPLAINT", "INQUIRY", "NOT_COUNTED");

    /** A period of whole days, both included. */
    public record Period(LocalDate first, LocalDate last) {

        Instant from() {
            return startOf(first);
        }

        Instant to() {
            return startOf(last.plusDays(1));
        }
    }

    /** Of the cases registered in a period: registered, repeat (a repeat or reopened), escalated, escalations. */
    public record Rates(long registered, long repeat, long escalated, long escalations) {
    }

    private final List<List<DomainEventMessage<?>>> histories;

    private StatisticsOracle(List<List<DomainEventMessage<?>>> histories) {
        this.histories = histories;
    }

    /** {@code cases} cases of the workload of {@code seed}, registered evenly over the 30 days from {@link #FIRST_DAY}. */
    public static StatisticsOracle seeded(long seed, int cases) {
        Workload workload = new Workload(seed);
        List<List<DomainEventMessage<?>>> histories = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            CaseScript script = workload.next();
            Instant registeredAt = FIRST.plus(SPREAD.multipliedBy(i).dividedBy(cases));
            histories.add(List.copyOf(life(script, registeredAt, i).messages()));
        }
        return new StatisticsOracle(List.copyOf(histories));
    }

    /** Each case's events in order, from its registration (sequence 0). */
    public List<List<DomainEventMessage<?>>> histories() {
        return histories;
    }

    /** Every third day from the first to four days after the last registration: days of registrations and after. */
    public List<LocalDate> days() {
        return IntStream.iterate(0, day -> day < 34, day -> day + 3).mapToObj(FIRST_DAY::plusDays).toList();
    }

    /** A period inside the registrations, and one reaching past them. */
    public List<Period> periods() {
        return List.of(new Period(FIRST_DAY, FIRST_DAY.plusDays(9)), new Period(FIRST_DAY.plusDays(10), FIRST_DAY.plusDays(39)));
    }

    // ---- the seeded workload, as events ----

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

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static ComplaintEvent payload(DomainEventMessage<?> message) {
        return (ComplaintEvent) message.getPayload();
    }

    private static ComplaintRegistered registration(List<DomainEventMessage<?>> history) {
        return (ComplaintRegistered) payload(history.get(0));
    }

    private static boolean registeredOn(List<DomainEventMessage<?>> history, LocalDate day) {
        Instant at = registration(history).registeredAt();
        return !at.isBefore(startOf(day)) && at.isBefore(startOf(day.plusDays(1)));
    }

    /** COMPLAINT, INQUIRY or NOT_COUNTED, and the responsibility, from the events recorded before {@code end}. */
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
        String countingClass = complaint ? "COMPLAINT" : notAComplaint || !above ? "NOT_COUNTED" : "INQUIRY";
        return new String[]{countingClass, responsibility};
    }

    /** A daily row as {@link #daily} renders it: complaint, inquiry, not counted, then {@link #RESPONSIBILITIES}. */
    public static String classRow(long complaint, long inquiry, long notCounted, Map<String, Long> byResponsibility) {
        List<Long> figures = new ArrayList<>(List.of(complaint, inquiry, notCounted));
        RESPONSIBILITIES.forEach(r -> figures.add(byResponsibility.getOrDefault(r, 0L)));
        return figures.toString();
    }

    /** Per category and {@link #TOTAL} (when any): the cases registered that day by their class at the day's end. */
    public Map<String, String> daily(LocalDate date) {
        Instant end = startOf(date.plusDays(1));
        Map<String, long[]> rows = new TreeMap<>();
        for (List<DomainEventMessage<?>> history : histories) {
            if (!registeredOn(history, date)) {
                continue;
            }
            String[] counted = classAt(history, end);
            for (String key : List.of(registration(history).category().name(), TOTAL)) {
                long[] row = rows.computeIfAbsent(key, k -> new long[7]);
                row[CLASSES.indexOf(counted[0])]++;
                if (!counted[0].equals("NOT_COUNTED")) {
                    row[3 + RESPONSIBILITIES.indexOf(counted[1])]++;
                }
            }
        }
        Map<String, String> rendered = new TreeMap<>();
        rows.forEach((key, row) -> rendered.put(key, java.util.Arrays.toString(row)));
        return rendered;
    }

    /** The ids of the cases registered that day whose class at the day's end was {@code countingClass}. */
    public Set<String> registeredOnThatDayAs(LocalDate date, String countingClass) {
        Set<String> ids = new TreeSet<>();
        for (List<DomainEventMessage<?>> history : histories) {
            if (registeredOn(history, date) && classAt(history, startOf(date.plusDays(1)))[0].equals(countingClass)) {
                ids.add(history.get(0).getAggregateIdentifier());
            }
        }
        return ids;
    }

    /** The ids of the cases registered before that day whose class changed during it as {@code change} (FROM>TO). */
    public Set<String> changedClassOn(LocalDate date, String change) {
        Set<String> ids = new TreeSet<>();
        for (List<DomainEventMessage<?>> history : histories) {
            if (registration(history).registeredAt().isBefore(startOf(date)) && change.equals(
                    classAt(history, startOf(date))[0] + ">" + classAt(history, startOf(date.plusDays(1)))[0])) {
                ids.add(history.get(0).getAggregateIdentifier());
            }
        }
        return ids;
    }

    /** "CATEGORY FROM>TO" to how many cases registered before that day changed so during it. */
    public Map<String, Long> reclassified(LocalDate date) {
        Instant start = startOf(date);
        Instant end = startOf(date.plusDays(1));
        Map<String, Long> changes = new TreeMap<>();
        for (List<DomainEventMessage<?>> history : histories) {
            ComplaintRegistered registered = registration(history);
            if (!registered.registeredAt().isBefore(start)) {
                continue;
            }
            String before = classAt(history, start)[0];
            String after = classAt(history, end)[0];
            if (!before.equals(after)) {
                changes.merge(registered.category() + " " + before + ">" + after, 1L, Long::sum);
            }
        }
        return changes;
    }

    public Rates rates(Period period) {
        long registered = 0;
        long repeat = 0;
        long escalated = 0;
        long escalations = 0;
        for (List<DomainEventMessage<?>> history : histories) {
            Instant at = registration(history).registeredAt();
            if (at.isBefore(period.from()) || !at.isBefore(period.to())) {
                continue;
            }
            registered++;
            List<ComplaintEvent> events = history.stream().map(StatisticsOracle::payload).toList();
            if (events.stream().anyMatch(e -> e instanceof ComplaintReopened
                    || e instanceof ComplaintEscalated x && x.reason() == EscalationReason.REPEAT_COMPLAINT)) {
                repeat++;
            }
            long count = events.stream().filter(ComplaintEscalated.class::isInstance).count();
            escalated += count > 0 ? 1 : 0;
            escalations += count;
        }
        return new Rates(registered, repeat, escalated, escalations);
    }

    /** An amount as {@link #compensation} renders it: the count and the sum to the cent. */
    public static String amounts(long count, BigDecimal sum) {
        return count + " " + sum.setScale(2, RoundingMode.HALF_UP);
    }

    /** "proposed|approved|paid CURRENCY" to the amounts recorded in the period. */
    public Map<String, String> compensation(Period period) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        Map<String, Long> counts = new TreeMap<>();
        for (List<DomainEventMessage<?>> history : histories) {
            for (DomainEventMessage<?> message : history) {
                if (message.getTimestamp().isBefore(period.from()) || !message.getTimestamp().isBefore(period.to())) {
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
        sums.forEach((key, sum) -> rendered.put(key, amounts(counts.get(key), sum)));
        return rendered;
    }

    /** A clock's figures as {@link #onTime} renders them: ended/met in time/rate to four places. */
    public static String clockRate(long ended, long metInTime, BigDecimal onTimeRate) {
        return ended + "/" + metInTime + "/" + onTimeRate.setScale(4, RoundingMode.HALF_UP);
    }

    /** Per clock that ended in the period (met or breached; the first ending of each deadline counts). */
    public Map<String, String> onTime(Period period) {
        Map<String, long[]> clocks = new TreeMap<>();
        for (List<DomainEventMessage<?>> history : histories) {
            Set<String> ended = new HashSet<>();
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
                if (clock != null && ended.add(clock + " " + due) && !at.isBefore(period.from()) && at.isBefore(period.to())) {
                    long[] figures = clocks.computeIfAbsent(clock.name(), c -> new long[2]);
                    figures[0]++;
                    figures[1] += inTime ? 1 : 0;
                }
            }
        }
        Map<String, String> rendered = new TreeMap<>();
        clocks.forEach((clock, f) -> rendered.put(clock, clockRate(f[0], f[1],
                BigDecimal.valueOf(f[1]).divide(BigDecimal.valueOf(f[0]), 4, RoundingMode.HALF_UP))));
        return rendered;
    }
}
