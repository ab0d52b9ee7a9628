package com.complaintcase.command.complaint;

import com.complaintcase.command.complaint.registration.RegisterComplaint;
import com.complaintcase.events.complaint.CompensationApproved;
import com.complaintcase.events.complaint.CompensationPaid;
import com.complaintcase.events.complaint.CompensationRejected;
import com.complaintcase.events.complaint.ComplaintClosed;
import com.complaintcase.events.complaint.ComplaintEnteredLate;
import com.complaintcase.events.complaint.ComplaintEscalated;
import com.complaintcase.events.complaint.ComplaintEvent;
import com.complaintcase.events.complaint.ComplaintRegistered;
import com.complaintcase.events.complaint.ComplaintReopened;
import com.complaintcase.events.complaint.ComplaintReviewed;
import com.complaintcase.events.complaint.ComplaintTransferred;
import com.complaintcase.events.complaint.ComplaintWithdrawn;
import com.complaintcase.events.complaint.CustomerContacted;
import com.complaintcase.events.complaint.DeadlineBreached;
import com.complaintcase.events.complaint.DeadlineExtended;
import com.complaintcase.events.complaint.DeadlineMet;
import com.complaintcase.events.complaint.DeadlineSet;
import com.complaintcase.events.complaint.EvidenceAttached;
import com.complaintcase.events.complaint.FeedbackRecorded;
import com.complaintcase.events.complaint.FindingsRecorded;
import com.complaintcase.events.complaint.HandlerAssigned;
import com.complaintcase.events.complaint.ResolutionAccepted;
import com.complaintcase.events.complaint.ResolutionProposed;
import com.complaintcase.events.complaint.ResolutionRejected;
import com.complaintcase.values.Actor;
import com.complaintcase.values.BranchCode;
import com.complaintcase.values.ClockStart;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.events.complaint.AppliedClock;
import com.complaintcase.values.EscalationReason;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.Money;
import com.complaintcase.values.ReviewOutcome;
import com.complaintcase.values.SlaClock;
import com.complaintcase.events.complaint.AppliedPolicy;
import com.complaintcase.command.complaint.sla.PolicyPack;
import com.complaintcase.command.complaint.sla.PolicyPacks;
import com.complaintcase.command.complaint.sla.TestPacks;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.complaintcase.command.complaint.Actors.HANDLER1;
import static com.complaintcase.command.complaint.Actors.INTAKE1;
import static com.complaintcase.command.complaint.Actors.SUPERVISOR1;
import static com.complaintcase.command.complaint.Actors.SYSTEM;
import static com.complaintcase.command.complaint.ComplaintCommands.*;

/**
 * Builds the history (the given events) of a case at any stage of its life, under the default policy.
 * Start from one of the {@code a...Case()} stages and append further facts; each fact is the event the
 * aggregate records for the matching command in {@link ComplaintCommands}, by the usual actor (supervisor1
 * reviews, assigns and approves; the assigned handler investigates and resolves; intake1 reopens and
 * withdraws).
 *
 * <p>The SLA clocks are followed as the aggregate follows them: registration starts the first-contact and
 * resolution clocks under the fixed deadline ids {@link #FIRST_CONTACT_DEADLINE_ID} and
 * {@link #RESOLUTION_DEADLINE_ID}; the first contact meets the first-contact clock and a proposal the resolution
 * clock ({@link DeadlineMet}, preceded by a {@link DeadlineBreached} when done after the due time); a deadline
 * that fired records its breach and the system's escalation ({@link #deadlineFired}). The system's other
 * escalations follow too: on registration ({@link #escalationOnRegistration}) and after a proposed compensation
 * above the level's authority ({@link #resolutionProposedWithCompensation}). Given events schedule
 * nothing in the fixture's deadline manager: a test that needs a deadline to fire registers the case by command.
 */
final class CaseHistory {

    static final ComplaintPolicy POLICY = ComplaintPolicy.DEFAULT;
    /** The shipped packs, BANK_INTERNAL the default, as the fixture's command handler has them. */
    static final PolicyPacks PACKS = TestPacks.standard(POLICY.version(), POLICY.firstContactLimit(),
            POLICY.resolutionLimit(), (int) POLICY.maxExtension().toDays());
    static final String FIRST_CONTACT_DEADLINE_ID = "sla-first-contact-1";
    static final String RESOLUTION_DEADLINE_ID = "sla-resolution-1";
    static final String BRANCH_REPLY_DEADLINE_ID = "sla-branch-reply-1";

    private final ComplaintId id;
    private final List<ComplaintEvent> events = new ArrayList<>();
    private HandlingLevel level;
    private BranchCode unit;
    private Actor handler;
    private String proposedBy;
    private Money proposedCompensation;
    /** The clocks still running, the clocks whose deadline passed with the step not done, and each clock's latest deadline. */
    private final Map<SlaClock, DeadlineSet> running = new EnumMap<>(SlaClock.class);
    private final Map<SlaClock, DeadlineSet> breached = new EnumMap<>(SlaClock.class);
    private final Map<SlaClock, DeadlineSet> latest = new EnumMap<>(SlaClock.class);
    private int resolutionDeadlines = 1;
    private int startWorkDeadlines = 0;
    private final List<AppliedClock> rules;
    private final Instant registeredAt;
    private final String jurisdiction;
    /** When the case reached the unit that holds it: its registration, or its latest transfer. */
    private Instant arrivedAt;

    private CaseHistory(RegisterComplaint registration) {
        this.id = registration.complaintId();
        events.addAll(registrationEvents(registration, Moments.NOW));
        ComplaintRegistered registered = (ComplaintRegistered) events.get(0);
        level = events.stream().filter(ComplaintEscalated.class::isInstance).map(ComplaintEscalated.class::cast)
                .map(ComplaintEscalated::toLevel).reduce((first, second) -> second).orElse(registered.level());
        unit = registered.branchCode();
        rules = registered.policy().clocks();
        registeredAt = registered.registeredAt();
        arrivedAt = registeredAt;
        jurisdiction = registered.policy().jurisdiction();
        registered.deadlines().forEach(deadline -> {
            running.put(deadline.clock(), deadline);
            latest.put(deadline.clock(), deadline);
        });
    }

    // ---- the stages of a case's life ----

    /** A complaint registered now by intake1, received an hour ago. */
    static CaseHistory aRegisteredCase() {
        return aCaseRegisteredFrom(RegisterComplaintBuilder.aComplaint().build());
    }

    /**
     * The case as the aggregate records the given registration (with a late-entry fact when it is late, and the
     * system's escalation when it came through an outside channel, skipped a level or threatens the media).
     */
    static CaseHistory aCaseRegisteredFrom(RegisterComplaint registration) {
        return new CaseHistory(registration);
    }

    static CaseHistory anAcceptedCase() {
        return aRegisteredCase().reviewedAsComplaint();
    }

    static CaseHistory aCaseThatIsNotAComplaint() {
        return aRegisteredCase().reviewedAsNotAComplaint();
    }

    static CaseHistory aCaseAssignedTo(Actor handler) {
        return anAcceptedCase().assignedTo(handler);
    }

    /** Assigned to handler1, who contacted the customer and recorded findings: ready for a resolution. */
    static CaseHistory aCaseInProgressWithFindings() {
        return aCaseAssignedTo(HANDLER1).customerContacted().findingsRecorded();
    }

    /** In progress (the customer was contacted) but nothing determined yet. */
    static CaseHistory aCaseInProgressWithoutFindings() {
        return aCaseAssignedTo(HANDLER1).customerContacted();
    }

    static CaseHistory aCaseWithResolutionProposed() {
        return aCaseInProgressWithFindings().resolutionProposed();
    }

    static CaseHistory aCaseWithCompensationProposed() {
        return aCaseInProgressWithFindings().resolutionProposedWithCompensation(COMPENSATION);
    }

    static CaseHistory aCaseWithCompensationApproved() {
        return aCaseWithCompensationProposed().compensationApproved();
    }

    static CaseHistory aResolvedCase() {
        return aCaseWithResolutionProposed().customerAccepted();
    }

    static CaseHistory aResolvedCaseWithCompensation() {
        return aCaseWithCompensationApproved().customerAccepted();
    }

    static CaseHistory aClosedCase() {
        return aResolvedCase().closed();
    }

    static CaseHistory aWithdrawnCase() {
        return aCaseInProgressWithFindings().withdrawn();
    }

    /** Accepted, then escalated one level at a time up to the given level. */
    static CaseHistory aCaseEscalatedTo(HandlingLevel target) {
        return anAcceptedCase().escalatedTo(target);
    }

    // ---- further facts ----

    CaseHistory reviewedAsComplaint() {
        return reviewedAsComplaint(HandlingLevel.BRANCH);
    }

    CaseHistory reviewedAsComplaint(HandlingLevel handlingLevel) {
        level = handlingLevel;
        DeadlineSet branchReply = handlingLevel != HandlingLevel.BRANCH ? null : rule(ClockStart.BRANCH_REVIEW)
                .map(rule -> new DeadlineSet(rule.clock(), PACKS.calendarOf(jurisdiction).plusWorkingDays(registeredAt,
                        rule.businessDays()), BRANCH_REPLY_DEADLINE_ID))
                .orElse(null);
        if (branchReply != null) {
            running.put(branchReply.clock(), branchReply);
            latest.put(branchReply.clock(), branchReply);
        }
        return add(reviewedAt(id, handlingLevel, branchReply));
    }

    /** The review accepting the case at {@code handlingLevel} by supervisor1, with the branch reply clock it started. */
    static ComplaintReviewed reviewedAt(ComplaintId id, HandlingLevel handlingLevel, DeadlineSet branchReply) {
        return new ComplaintReviewed(id, ReviewOutcome.ACCEPTED, BUSINESS_LINE, handlingLevel, REVIEW_NOTE, SUPERVISOR1,
                branchReply);
    }

    private Optional<AppliedClock> rule(ClockStart start) {
        return rules.stream().filter(rule -> rule.start() == start).findFirst();
    }

    CaseHistory reviewedAsNotAComplaint() {
        return add(new ComplaintReviewed(id, ReviewOutcome.NOT_A_COMPLAINT, BUSINESS_LINE, level, REVIEW_NOTE, SUPERVISOR1,
                null));
    }

    CaseHistory assignedTo(Actor newHandler) {
        String previous = handler == null ? null : handler.userId();
        handler = newHandler;
        add(new HandlerAssigned(id, newHandler.userId(), previous, SUPERVISOR1));
        return stepDone(SlaClock.START_WORK, Moments.NOW, SUPERVISOR1);
    }

    /** Transferred now by supervisor1. */
    CaseHistory transferredTo(BranchCode toUnit) {
        return transferredTo(toUnit, Moments.NOW);
    }

    /**
     * Transferred at {@code at} by supervisor1: the receiving unit's start-work clock starts (under the next fixed id
     * "sla-start-work-N"), replacing a running one, and the forward clock is met, after a breach when the case had been
     * with its unit longer than the limit.
     */
    CaseHistory transferredTo(BranchCode toUnit, Instant at) {
        DeadlineSet startWork = rule(ClockStart.TRANSFER)
                .map(rule -> new DeadlineSet(rule.clock(), at.plus(rule.limit()), "sla-start-work-" + ++startWorkDeadlines))
                .orElse(null);
        ComplaintTransferred transferred = new ComplaintTransferred(id, unit, toUnit, TRANSFER_REASON,
                handler == null ? null : handler.userId(), SUPERVISOR1, at, startWork);
        unit = toUnit;
        handler = null;
        add(transferred);
        if (startWork != null) {
            breached.remove(startWork.clock());
            running.put(startWork.clock(), startWork);
            latest.put(startWork.clock(), startWork);
        }
        Instant arrival = arrivedAt;
        arrivedAt = at;
        rule(ClockStart.ARRIVAL).ifPresent(rule -> {
            Instant dueAt = arrival.plus(rule.limit());
            if (at.isAfter(dueAt)) {
                add(new DeadlineBreached(id, rule.clock(), null, dueAt, dueAt, SUPERVISOR1));
            }
            add(new DeadlineMet(id, rule.clock(), null, dueAt, at, SUPERVISOR1));
        });
        return this;
    }

    /** The handler contacted the customer half an hour ago (the first contact meets the first-contact clock). */
    CaseHistory customerContacted() {
        return customerContactedAt(Moments.minutesAgo(30));
    }

    CaseHistory customerContactedAt(Instant contactedAt) {
        boolean first = events.stream().noneMatch(CustomerContacted.class::isInstance);
        add(new CustomerContacted(id, contactedAt, CONTACT_METHOD, CONTACT_SUMMARY, first, handler()));
        return stepDone(SlaClock.FIRST_CONTACT, contactedAt, handler());
    }

    CaseHistory evidenceAttached() {
        return add(new EvidenceAttached(id, EVIDENCE_KIND, EVIDENCE_REFERENCE, EVIDENCE_DESCRIPTION, handler()));
    }

    CaseHistory findingsRecorded() {
        return add(new FindingsRecorded(id, VALIDITY, RESPONSIBILITY, ROOT_CAUSE, FINDINGS_SUMMARY, handler()));
    }

    CaseHistory resolutionProposed() {
        return resolutionProposedWithCompensation(null);
    }

    /** Proposed now; a compensation above the level's authority has the system escalate the case one level. */
    CaseHistory resolutionProposedWithCompensation(Money compensation) {
        proposedBy = handler().userId();
        proposedCompensation = compensation;
        add(new ResolutionProposed(id, RESOLUTION_SUMMARY, compensation, handler()));
        stepDone(SlaClock.BRANCH_REPLY, Moments.NOW, handler());
        if (POLICY.exceedsAuthority(compensation, level)) {
            HandlingLevel from = level;
            from.next().ifPresent(next -> {
                level = next;
                leftBranch();
                add(new ComplaintEscalated(id, from, next, EscalationReason.COMPENSATION_CLAIM,
                        compensationClaimNote(compensation, from, POLICY.authorityLimit(from).orElseThrow()), SYSTEM));
            });
        }
        return stepDone(SlaClock.RESOLUTION, Moments.NOW, handler());
    }

    CaseHistory compensationApproved() {
        return compensationApprovedBy(SUPERVISOR1);
    }

    CaseHistory compensationApprovedBy(Actor approver) {
        return add(new CompensationApproved(id, proposedCompensation, proposedBy, DECISION_NOTE, approver));
    }

    CaseHistory compensationRejected() {
        CompensationRejected rejected = new CompensationRejected(id, proposedCompensation, proposedBy, DECISION_NOTE, SUPERVISOR1);
        proposedBy = null;
        proposedCompensation = null;
        return add(rejected);
    }

    CaseHistory customerAccepted() {
        return add(new ResolutionAccepted(id, CUSTOMER_COMMENT, handler()));
    }

    CaseHistory customerRejected() {
        proposedBy = null;
        proposedCompensation = null;
        return add(new ResolutionRejected(id, CUSTOMER_COMMENT, handler()));
    }

    /** The approved compensation paid in full, ten minutes ago. */
    CaseHistory compensationPaid() {
        return add(new CompensationPaid(id, proposedCompensation, Moments.minutesAgo(10), PAYMENT_REFERENCE, handler()));
    }

    CaseHistory feedbackRecorded() {
        return add(new FeedbackRecorded(id, SATISFIED, FEEDBACK_COMMENT, handler()));
    }

    CaseHistory closed() {
        return add(new ComplaintClosed(id, CLOSING_NOTE, handler()));
    }

    CaseHistory reopened() {
        proposedBy = null;
        proposedCompensation = null;
        return add(new ComplaintReopened(id, REOPEN_REASON, INTAKE1));
    }

    CaseHistory withdrawn() {
        return add(new ComplaintWithdrawn(id, WITHDRAWAL_REASON, INTAKE1));
    }

    /** Escalated one level at a time, by supervisor1, until the case is at {@code target}. */
    CaseHistory escalatedTo(HandlingLevel target) {
        while (level.isBelow(target)) {
            HandlingLevel from = level;
            level = from.next().orElseThrow();
            leftBranch();
            add(new ComplaintEscalated(id, from, level, EscalationReason.MEDIA_THREAT, ESCALATION_NOTE, SUPERVISOR1));
        }
        return this;
    }

    /** A supervisor extended the running resolution clock; the new deadline gets the next fixed id. */
    CaseHistory deadlineExtended(int days) {
        DeadlineSet previous = running.get(SlaClock.RESOLUTION);
        if (previous == null) {
            throw new IllegalStateException("the resolution clock of this history is not running");
        }
        DeadlineSet extended = new DeadlineSet(SlaClock.RESOLUTION, previous.dueAt().plus(Duration.ofDays(days)),
                "sla-resolution-" + ++resolutionDeadlines);
        running.put(SlaClock.RESOLUTION, extended);
        latest.put(SlaClock.RESOLUTION, extended);
        return add(new DeadlineExtended(id, SlaClock.RESOLUTION, previous.dueAt(), extended.dueAt(), days, EXTENSION_REASON,
                previous.deadlineId(), extended.deadlineId(), SUPERVISOR1));
    }

    /**
     * The clock's deadline fired with its step not done: the system recorded the breach and, below the top
     * level, escalated the case one level.
     */
    CaseHistory deadlineFired(SlaClock clock) {
        DeadlineSet due = running.remove(clock);
        if (due == null) {
            throw new IllegalStateException("the " + clock + " clock of this history is not running");
        }
        breached.put(clock, due);
        add(new DeadlineBreached(id, clock, due.deadlineId(), due.dueAt(), due.dueAt(), SYSTEM));
        HandlingLevel from = level;
        from.next().ifPresent(next -> {
            level = next;
            leftBranch();
            add(new ComplaintEscalated(id, from, next, EscalationReason.SLA_BREACH, slaBreachNote(clock, due.dueAt()), SYSTEM));
        });
        return this;
    }

    // ---- reading the history ----

    ComplaintId id() {
        return id;
    }

    List<ComplaintEvent> events() {
        return Collections.unmodifiableList(events);
    }

    /** The case's version: the sequence number of its last event, counted from 0. */
    long version() {
        return events.size() - 1L;
    }

    /** The case's version once a command has added {@code newEvents} events. */
    long versionAfter(int newEvents) {
        return version() + newEvents;
    }

    /** The branch reply clock met at {@code at}: what a proposal records first at a branch that must still reply. */
    DeadlineMet branchReplyMet(Instant at, Actor by) {
        DeadlineSet due = running.get(SlaClock.BRANCH_REPLY);
        if (due == null) {
            throw new IllegalStateException("the branch reply clock of this history is not running");
        }
        return new DeadlineMet(id, SlaClock.BRANCH_REPLY, due.deadlineId(), due.dueAt(), at, by);
    }

    /** When the resolution clock falls due, after any extensions so far. */
    Instant resolutionDueAt() {
        return deadline(SlaClock.RESOLUTION).dueAt();
    }

    /** When the first-contact clock falls due. */
    Instant firstContactDueAt() {
        return deadline(SlaClock.FIRST_CONTACT).dueAt();
    }

    /** The clock's latest deadline (after any extensions), whether it is still running or not. */
    DeadlineSet deadline(SlaClock clock) {
        return latest.get(clock);
    }

    /** When the branch reply clock of a case registered at {@code registeredAt} and accepted at branch level falls due. */
    static Instant branchReplyDueAt(Instant registeredAt) {
        return PACKS.calendarOf(com.complaintcase.calendar.BusinessCalendars.BANK).plusWorkingDays(registeredAt, 1);
    }

    /** The note of the system's escalation when a clock's deadline fires. */
    static String slaBreachNote(SlaClock clock, Instant dueAt) {
        return "the " + clock + " limit passed at " + dueAt;
    }

    /** The note of the system's escalation when a proposed compensation exceeds the level's authority (in CNY). */
    static String compensationClaimNote(Money compensation, HandlingLevel level, BigDecimal limit) {
        return "the proposed compensation of " + compensation + " exceeds the authority of " + level + " ("
                + limit.toPlainString() + " CNY)";
    }

    /**
     * The system's escalation as a registration records it: through an outside channel, with a skipped level or
     * with a media threat the case goes one level up, for the first of these reasons, the note naming them all.
     */
    static Optional<ComplaintEscalated> escalationOnRegistration(RegisterComplaint command) {
        Map<EscalationReason, String> reasons = new LinkedHashMap<>();
        if (command.channel().isOutside()) {
            reasons.put(EscalationReason.OUTSIDE_CHANNEL, "OUTSIDE_CHANNEL (through " + command.channel() + ")");
        }
        if (command.flags().skippedLevel()) {
            reasons.put(EscalationReason.SKIPPED_LEVEL, "SKIPPED_LEVEL");
        }
        if (command.flags().mediaThreat()) {
            reasons.put(EscalationReason.MEDIA_THREAT, "MEDIA_THREAT");
        }
        return reasons.keySet().stream().findFirst().map(first -> new ComplaintEscalated(command.complaintId(),
                HandlingLevel.BRANCH, HandlingLevel.FIRST_LEVEL_BRANCH, first,
                "escalated on registration for " + String.join(", ", reasons.values()), SYSTEM));
    }

    /**
     * The events the aggregate records for a registration entered at {@code registeredAt} under the default policy,
     * with the fixed deadline ids of a given history.
     */
    static List<ComplaintEvent> registrationEvents(RegisterComplaint command, Instant registeredAt) {
        return registrationEvents(command, registeredAt, FIRST_CONTACT_DEADLINE_ID, RESOLUTION_DEADLINE_ID);
    }

    /**
     * The events the aggregate records for a registration whose deadlines were scheduled under the given ids: the
     * registration, its late entry if late, and the system's escalation on registration if one applies.
     */
    static List<ComplaintEvent> registrationEvents(RegisterComplaint command, Instant registeredAt,
                                                   String firstContactDeadlineId, String resolutionDeadlineId) {
        return registrationEvents(command, registeredAt, PACKS, clock -> switch (clock) {
            case FIRST_CONTACT -> firstContactDeadlineId;
            case RESOLUTION -> resolutionDeadlineId;
            default -> "sla-" + clock.name().toLowerCase().replace('_', '-') + "-1";
        });
    }

    /**
     * The events the aggregate records for a registration under the pack {@code packs} chooses for it, each clock's
     * deadline with the id {@code deadlineIds} gives it.
     */
    static List<ComplaintEvent> registrationEvents(RegisterComplaint command, Instant registeredAt, PolicyPacks packs,
                                                   java.util.function.Function<SlaClock, String> deadlineIds) {
        PolicyPack pack = packs.packFor(command.channel(), command.branchCode());
        boolean incident = command.flags() != null && command.flags().isIncident();
        boolean paymentServices = packs.isPaymentServices(command.subcategory());
        List<PolicyPack.ClockRule> rules = pack.applicable(incident, paymentServices);
        AppliedPolicy base = POLICY.applied();
        AppliedPolicy applied = new AppliedPolicy(pack.name(), pack.version(), base.entryLimit(),
                base.firstContactLimit(), base.resolutionLimit(), base.maxExtension(), pack.jurisdiction(),
                rules.stream().map(PolicyPack.ClockRule::applied).toList(),
                pack.applicableExtension(incident, paymentServices));
        List<DeadlineSet> deadlines = rules.stream().filter(rule -> rule.start().startsAtRegistration())
                .map(rule -> new DeadlineSet(rule.clock(), rule.dueAt(command.receivedAt(), registeredAt,
                        packs.calendarOf(pack.jurisdiction())), deadlineIds.apply(rule.clock())))
                .toList();
        ComplaintRegistered registered = new ComplaintRegistered(
                command.complaintId(), command.receivedAt(), registeredAt, command.channel(), command.branchCode(),
                command.customer(), command.category(), command.subcategory(), command.rootIssue(),
                command.description(), command.requestedRemedy(), command.flags(), HandlingLevel.BRANCH,
                applied, deadlines, command.fingerprint(), command.actor());
        List<ComplaintEvent> recorded = new ArrayList<>(List.of(registered));
        Duration sinceReceipt = Duration.between(command.receivedAt(), registeredAt);
        if (sinceReceipt.compareTo(POLICY.entryLimit()) > 0) {
            recorded.add(new ComplaintEnteredLate(command.complaintId(), command.receivedAt(), registeredAt,
                    POLICY.entryLimit(), sinceReceipt.minus(POLICY.entryLimit()), command.lateEntryReason(), command.actor()));
        }
        escalationOnRegistration(command).ifPresent(recorded::add);
        return List.copyOf(recorded);
    }

    /** The step a clock waits for was done at {@code at}: met, after a breach when late (as the aggregate records it). */
    private CaseHistory stepDone(SlaClock clock, Instant at, Actor by) {
        DeadlineSet due = running.remove(clock);
        if (due != null) {
            if (at.isAfter(due.dueAt())) {
                add(new DeadlineBreached(id, clock, due.deadlineId(), due.dueAt(), due.dueAt(), by));
            }
            return add(new DeadlineMet(id, clock, due.deadlineId(), due.dueAt(), at, by));
        }
        DeadlineSet late = breached.remove(clock);
        if (late != null) {
            add(new DeadlineMet(id, clock, late.deadlineId(), late.dueAt(), at, by));
        }
        return this;
    }

    /** Escalated above the branch: the branch reply clock stops (nothing recorded but the escalation). */
    private void leftBranch() {
        running.remove(SlaClock.BRANCH_REPLY);
        breached.remove(SlaClock.BRANCH_REPLY);
    }

    private Actor handler() {
        if (handler == null) {
            throw new IllegalStateException("this history has no handler yet: add assignedTo(...) first");
        }
        return handler;
    }

    private CaseHistory add(ComplaintEvent event) {
        events.add(event);
        return this;
    }
}
