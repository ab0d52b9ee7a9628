package com.complaintcase.query.statistics;

import com.complaintcase.events.complaint.CompensationApproved;
import com.complaintcase.events.complaint.CompensationPaid;
import com.complaintcase.events.complaint.ComplaintEscalated;
import com.complaintcase.events.complaint.ComplaintEvent;
import com.complaintcase.events.complaint.ComplaintRegistered;
import com.complaintcase.events.complaint.ComplaintReviewed;
import com.complaintcase.events.complaint.ComplaintWithdrawn;
import com.complaintcase.events.complaint.DeadlineBreached;
import com.complaintcase.events.complaint.DeadlineMet;
import com.complaintcase.events.complaint.FeedbackRecorded;
import com.complaintcase.events.complaint.ResolutionProposed;
import com.complaintcase.query.statistics.counting.CaseCounting;
import com.complaintcase.query.statistics.counting.CountedResponsibility;
import com.complaintcase.query.statistics.counting.CountingClass;
import com.complaintcase.query.statistics.counting.CountingRules;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.Responsibility;
import com.complaintcase.values.SlaClock;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import com.complaintcase.query.statistics.StatisticsTally.Measure;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The bank's own statistics: each case's counting facts (by {@link CaseCounting}) with every change of its class,
 * and the escalations, clock endings, compensations and survey answers the metrics count. Its own processing group,
 * rebuilt on its own. Idempotent: a case row remembers the last sequence applied, and every fact is written only
 * with an event past it; a clock's ending is keyed by case, clock and due time. Each fact is also counted in
 * {@code statistics_tally} by reporting day and group (in the same transaction, under the same check), which the
 * metrics over periods add up. No personal data.
 */
@Component
@ProcessingGroup(StatisticsProjection.PROCESSING_GROUP)
public class StatisticsProjection {

    public static final String PROCESSING_GROUP = "statistics";

    /** The groupings {@code statistics_tally} keeps: a case's key in each is fixed at its registration. */
    static final List<Grouping> TALLIED = List.of(Grouping.CATEGORY, Grouping.SUBCATEGORY, Grouping.ROOT_ISSUE,
            Grouping.BRANCH_CODE, Grouping.CHANNEL);

    @PersistenceContext
    private EntityManager entityManager;

    private final CountingRules rules = CountingRules.DEFAULT;

    private final StatisticsSettings settings;

    public StatisticsProjection(StatisticsSettings settings) {
        this.settings = settings;
    }

    @EventHandler
    void on(ComplaintEvent event, @SequenceNumber Long sequence, @Timestamp Instant recordedAt) {
        String id = event.complaintId().value();
        StatisticsCase row = entityManager.find(StatisticsCase.class, id);
        boolean fresh = row == null;
        if (fresh) {
            if (!(event instanceof ComplaintRegistered registered)) {
                return;
            }
            row = registered(id, registered);
            entityManager.persist(row);
        } else if (sequence <= row.version) {
            return;
        }
        CountingClass classBefore = row.countingClass;
        Responsibility responsibilityBefore = row.responsibility;
        HandlingLevel levelBefore = row.level;
        boolean repeatBefore = row.repeat;
        boolean escalatedBefore = row.escalated;
        row.counting(new CaseCounting(rules, row.countingState()).apply(event));
        facts(row, event, sequence, recordedAt);
        LocalDate registered = day(row.registeredAt);
        if (fresh) {
            tally(row, Measure.VOLUME, registered, "registered", BigDecimal.ZERO);
        }
        if (row.repeat && !repeatBefore) {
            tally(row, Measure.RATES, registered, "repeat", BigDecimal.ZERO);
        }
        if (row.escalated && !escalatedBefore) {
            tally(row, Measure.RATES, registered, "escalated", BigDecimal.ZERO);
        }
        row.version = sequence;
        if (classBefore != row.countingClass || responsibilityBefore != row.responsibility || levelBefore != row.level
                || fresh) {
            // a registration counts from the instant it states, so that its day's report holds it
            Instant changedAt = fresh ? row.registeredAt : recordedAt;
            CountedResponsibility responsibility = CountedResponsibility.of(row.responsibility);
            entityManager.persist(new ClassChange(id, sequence, changedAt, row.registeredAt, row.countingClass,
                    responsibility, row.level));
            if (changedAt.isBefore(registered.plusDays(1).atStartOfDay(settings.zone()).toInstant())) {
                // the last change before the registration day's end is how the day's report counts the case
                row.dayEndClass = row.countingClass;
                row.dayEndResponsibility = responsibility;
                row.dayEndLevel = row.level;
            }
        }
    }

    private static StatisticsCase registered(String id, ComplaintRegistered e) {
        StatisticsCase row = new StatisticsCase(id);
        row.registeredAt = e.registeredAt();
        row.channel = e.channel();
        row.category = e.category();
        row.subcategory = e.subcategory();
        row.rootIssue = e.rootIssue();
        row.branchCode = e.branchCode().value();
        row.level = e.level();
        row.countingClass = CountingClass.NOT_COUNTED;
        row.dayEndClass = row.countingClass;
        row.dayEndResponsibility = CountedResponsibility.of(null);
        row.dayEndLevel = row.level;
        return row;
    }

    private void facts(StatisticsCase row, ComplaintEvent event, long sequence, Instant at) {
        String id = row.complaintId;
        if (event instanceof ComplaintReviewed e) {
            row.level = e.handlingLevel();
        } else if (event instanceof ComplaintEscalated e) {
            row.level = e.toLevel();
            row.escalated = true;
            entityManager.persist(new EscalationFact(id, sequence, at, e.reason(), e.toLevel()));
            tally(row, Measure.RATES, day(row.registeredAt), "reason:" + e.reason(), BigDecimal.ZERO);
            tally(row, Measure.RATES, day(row.registeredAt), "level:" + e.toLevel(), BigDecimal.ZERO);
        } else if (event instanceof ComplaintWithdrawn) {
            row.withdrawn = true;
        } else if (event instanceof DeadlineMet e) {
            clockEnded(row, e.clock(), e.dueAt(), e.metAt(), !e.metAt().isAfter(e.dueAt()));
        } else if (event instanceof DeadlineBreached e) {
            clockEnded(row, e.clock(), e.dueAt(), e.breachedAt(), false);
        } else if (event instanceof ResolutionProposed e && e.compensation() != null) {
            compensation(row, new CompensationFact(id, sequence, CompensationFact.Stage.PROPOSED,
                    e.compensation().amount(), e.compensation().currency(), at));
        } else if (event instanceof CompensationApproved e) {
            compensation(row, new CompensationFact(id, sequence, CompensationFact.Stage.APPROVED,
                    e.amount().amount(), e.amount().currency(), at));
        } else if (event instanceof CompensationPaid e) {
            compensation(row, new CompensationFact(id, sequence, CompensationFact.Stage.PAID,
                    e.amount().amount(), e.amount().currency(), at));
        } else if (event instanceof FeedbackRecorded e) {
            entityManager.persist(new FeedbackFact(id, sequence, at, e.score().value(), e.score().isSatisfied()));
            tally(row, Measure.FEEDBACK, day(at), "responses", BigDecimal.ZERO);
            if (e.score().isSatisfied()) {
                tally(row, Measure.FEEDBACK, day(at), "satisfied", BigDecimal.ZERO);
            }
        }
    }

    /** The first ending of a clock counts (a breach, then the step done late, stays a breach). */
    private void clockEnded(StatisticsCase row, SlaClock clock, Instant dueAt, Instant endedAt, boolean metInTime) {
        String id = row.complaintId;
        if (entityManager.find(ClockEnding.class, ClockEnding.id(id, clock, Objects.requireNonNull(dueAt))) == null) {
            entityManager.persist(new ClockEnding(id, clock, dueAt, endedAt, metInTime));
            tally(row, Measure.CLOCK, day(endedAt), clock + ".ended", BigDecimal.ZERO);
            tally(row, Measure.CLOCK, day(endedAt), clock + (metInTime ? ".metInTime" : ".breached"), BigDecimal.ZERO);
        }
    }

    private void compensation(StatisticsCase row, CompensationFact fact) {
        entityManager.persist(fact);
        tally(row, Measure.COMPENSATION, day(fact.recordedAt),
                fact.stage.name().toLowerCase(Locale.ROOT) + "." + fact.currency, fact.amount);
    }

    /** One more fact under the case's key of every grouping the tally keeps. */
    private void tally(StatisticsCase row, Measure measure, LocalDate day, String figure, BigDecimal amount) {
        for (Grouping grouping : TALLIED) {
            TallyDeltas.add(entityManager, new TallyDeltas.Key(grouping.name(), measure, day, row.keyFor(grouping), figure),
                    1, amount);
        }
    }

    private LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, settings.zone());
    }

    @ResetHandler
    void reset() {
        for (String entity : new String[]{"StatisticsTally", "ClassChange", "EscalationFact", "ClockEnding", "CompensationFact",
                "FeedbackFact", "StatisticsCase"}) {
            entityManager.createQuery("delete from " + entity).executeUpdate();
        }
    }
}
