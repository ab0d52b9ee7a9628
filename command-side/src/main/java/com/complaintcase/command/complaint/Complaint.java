package com.complaintcase.command.complaint;

import com.complaintcase.command.complaint.closure.CloseComplaint;
import com.complaintcase.command.complaint.closure.ReopenComplaint;
import com.complaintcase.command.complaint.closure.WithdrawComplaint;
import com.complaintcase.command.complaint.escalation.EscalateComplaint;
import com.complaintcase.command.complaint.escalation.ExtendDeadline;
import com.complaintcase.command.complaint.handling.AssignHandler;
import com.complaintcase.command.complaint.handling.AttachEvidence;
import com.complaintcase.command.complaint.handling.RecordContact;
import com.complaintcase.command.complaint.handling.RecordFindings;
import com.complaintcase.command.complaint.handling.TransferComplaint;
import com.complaintcase.command.complaint.registration.RegisterComplaint;
import com.complaintcase.command.complaint.resolution.DecideCompensation;
import com.complaintcase.command.complaint.resolution.ProposeResolution;
import com.complaintcase.command.complaint.resolution.RecordCompensationPayment;
import com.complaintcase.command.complaint.resolution.RecordCustomerResponse;
import com.complaintcase.command.complaint.resolution.RecordFeedback;
import com.complaintcase.command.complaint.review.ReviewComplaint;
import com.complaintcase.calendar.BusinessCalendar;
import com.complaintcase.command.complaint.sla.PolicyPack;
import com.complaintcase.command.complaint.sla.PolicyPacks;
import com.complaintcase.events.complaint.AppliedClock;
import com.complaintcase.events.complaint.AppliedExtension;
import com.complaintcase.events.complaint.AppliedPolicy;
import com.complaintcase.events.complaint.CompensationApproved;
import com.complaintcase.events.complaint.CompensationPaid;
import com.complaintcase.events.complaint.CompensationRejected;
import com.complaintcase.events.complaint.ComplaintClosed;
import com.complaintcase.events.complaint.ComplaintEnteredLate;
import com.complaintcase.events.complaint.ComplaintEscalated;
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
import com.complaintcase.values.Channel;
import com.complaintcase.values.ClockStart;
import com.complaintcase.values.ComplaintFlags;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.ComplaintStatus;
import com.complaintcase.values.EscalationReason;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.InvalidValueException;
import com.complaintcase.values.Money;
import com.complaintcase.values.ReviewOutcome;
import com.complaintcase.values.Role;
import com.complaintcase.values.SlaClock;
import com.complaintcase.values.SlaStep;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static com.complaintcase.values.ComplaintStatus.*;
import static com.complaintcase.values.Role.*;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A customer's complaint case, from registration to closure (domain brief, sections 4 and 5).
 * Decisions are taken in the command methods, which only apply events; state changes only in the
 * event-sourcing handlers, so a case reloaded from its history is the case that decided.
 */
@Aggregate(snapshotTriggerDefinition = "complaintSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Complaint {

    private static final Set<ComplaintStatus> HANDLING = EnumSet.of(ASSIGNED, IN_PROGRESS);
    /** The reasons the system escalates a complaint for as it is registered that the registration itself states. */
    private static final Set<EscalationReason> ON_REGISTRATION =
            EnumSet.of(EscalationReason.OUTSIDE_CHANNEL, EscalationReason.SKIPPED_LEVEL, EscalationReason.MEDIA_THREAT);
    /** The reasons the system escalates a complaint for as it is registered that other cases show. */
    private static final Set<EscalationReason> DETECTED_ON_REGISTRATION =
            EnumSet.of(EscalationReason.REPEAT_COMPLAINT, EscalationReason.GROUP_COMPLAINT);

    @AggregateIdentifier
    private ComplaintId complaintId;
    private ComplaintStatus status;
    private HandlingLevel level;
    private BranchCode unit;
    private String handlerId;
    private Instant receivedAt;
    private Instant registeredAt;
    /** When the case reached the unit that holds it: its registration, or its latest transfer. */
    private Instant arrivedAt;
    private String registrationFingerprint;
    /** The version the registration answered: that of its last event (the late entry, the escalation on arrival). */
    private long registrationVersion;
    /** Registered with a reason to escalate on arrival, and that escalation not yet seen. */
    private boolean escalationOnRegistrationDue;
    /** Escalated at least once since registration (so no later escalation is the registration's). */
    private boolean escalatedSinceRegistration;
    private boolean firstContactMade;
    private boolean findingsRecorded;
    private String proposedBy;
    private Money proposedCompensation;
    private CompensationState compensationState = CompensationState.NONE;
    private boolean compensationPaid;
    private boolean feedbackRecorded;
    /** The clocks still running, each with the id of the deadline that records its breach. */
    private Map<SlaClock, RunningClock> runningClocks = new EnumMap<>(SlaClock.class);
    /** Clocks whose limit passed while their step is still not done. */
    private Map<SlaClock, RunningClock> breachedClocks = new EnumMap<>(SlaClock.class);
    /** The clocks of the pack the case was registered under, each with the step that meets it. */
    private Map<SlaClock, AppliedClock> clockRules = new EnumMap<>(SlaClock.class);
    /** How the pack lets the case's deadline be extended; null: not at all. */
    private AppliedExtension extension;
    private String jurisdiction;
    private int extensionDaysGranted;
    private int extensionsGranted;

    enum CompensationState { NONE, PENDING, APPROVED, ACCEPTED }

    record RunningClock(String deadlineId, Instant dueAt) {
    }

    protected Complaint() {
        // for the framework: a case is rebuilt from its events
    }

    /**
     * Registers a complaint; {@code now} is the moment of entry into the system, {@code related} what was found
     * about other cases (a repeat, a group) under the policy's windows.
     */
    public Complaint(RegisterComplaint command, ComplaintPolicy policy, PolicyPacks packs, RelatedFindings related,
                     Instant now, DeadlineManager deadlines) {
        requireRole(command.actor(), "register a complaint", INTAKE, HANDLER, SUPERVISOR);
        requireSubcategoryOfCategory(command);
        requireNotReceivedInFuture(command.receivedAt(), now, policy.receiptClockSkew());
        Duration sinceReceipt = Duration.between(command.receivedAt(), now);
        boolean late = sinceReceipt.compareTo(policy.entryLimit()) > 0;
        if (late) {
            requireLateEntryReason(command.lateEntryReason(), policy.entryLimit());
        }
        PolicyPack pack = packs.packFor(command.channel(), command.branchCode());
        boolean incident = command.flags() != null && command.flags().isIncident();
        boolean paymentServices = packs.isPaymentServices(command.subcategory());
        BusinessCalendar calendar = packs.calendarOf(pack.jurisdiction());
        List<DeadlineSet> clocks = new ArrayList<>();
        List<AppliedClock> applied = new ArrayList<>();
        for (PolicyPack.ClockRule rule : pack.applicable(incident, paymentServices)) {
            applied.add(rule.applied());
            if (!rule.start().startsAtRegistration()) {
                continue;
            }
            clocks.add(schedule(deadlines, command.complaintId(), rule.clock(),
                    rule.dueAt(command.receivedAt(), now, calendar)));
        }
        AppliedPolicy base = policy.applied();
        AppliedPolicy appliedPolicy = new AppliedPolicy(pack.name(), pack.version(), base.entryLimit(),
                base.firstContactLimit(), base.resolutionLimit(), base.maxExtension(), pack.jurisdiction(), applied,
                pack.applicableExtension(incident, paymentServices));
        apply(new ComplaintRegistered(
                command.complaintId(), command.receivedAt(), now, command.channel(), command.branchCode(),
                command.customer(), command.category(), command.subcategory(), command.rootIssue(),
                command.description(), command.requestedRemedy(), command.flags(), HandlingLevel.BRANCH,
                appliedPolicy, clocks, command.fingerprint(), command.actor(), command.product()));
        if (late) {
            apply(new ComplaintEnteredLate(command.complaintId(), command.receivedAt(), now, policy.entryLimit(),
                    sinceReceipt.minus(policy.entryLimit()), command.lateEntryReason(), command.actor()));
        }
        escalateOnRegistration(command, policy, related, deadlines);
    }

    /**
     * A complaint that came through an outside channel, skipped a level (越级投诉), comes with a threat to go to
     * the media, repeats a recently closed case of the same customer, or is part of a group complaint (群体性投诉)
     * weighs more (domain brief, sections 2 and 5): the system escalates it as it is registered. One level only,
     * however many of these reasons apply: they all say the same thing, that the case belongs above the branch;
     * the first applicable reason (outside channel, skipped level, media threat, repeat complaint, group complaint)
     * is recorded as the reason, and the note names them all, with what was found for a repeat or a group.
     */
    private void escalateOnRegistration(RegisterComplaint command, ComplaintPolicy policy, RelatedFindings related,
                                        DeadlineManager deadlines) {
        Map<EscalationReason, String> reasons = reasonsOnRegistration(command.channel(), command.flags());
        reasons.putAll(reasonsFoundOnRegistration(command, policy, related));
        if (reasons.isEmpty()) {
            return;
        }
        // the state is not applied yet while the case is being created: it is registered at branch level
        escalateBySystem(command.complaintId(), HandlingLevel.BRANCH, reasons.keySet().iterator().next(),
                "escalated on registration for " + String.join(", ", reasons.values()), deadlines);
    }

    /** The reasons that apply to a complaint as it arrives, in order, each with the words the note uses for it. */
    private static Map<EscalationReason, String> reasonsOnRegistration(Channel channel, ComplaintFlags flags) {
        Map<EscalationReason, String> reasons = new LinkedHashMap<>();
        if (channel.isOutside()) {
            reasons.put(EscalationReason.OUTSIDE_CHANNEL, EscalationReason.OUTSIDE_CHANNEL + " (through " + channel + ")");
        }
        if (flags != null && flags.skippedLevel()) {
            reasons.put(EscalationReason.SKIPPED_LEVEL, EscalationReason.SKIPPED_LEVEL.name());
        }
        if (flags != null && flags.mediaThreat()) {
            reasons.put(EscalationReason.MEDIA_THREAT, EscalationReason.MEDIA_THREAT.name());
        }
        return reasons;
    }

    /**
     * The reasons other cases give, in order, each with the words the note uses for it: the same customer's case
     * about the same subcategory closed within the repeat window; the threshold of different customers (the new
     * one included) reached within the group window at the same branch and subcategory, or for the same incident.
     */
    private static Map<EscalationReason, String> reasonsFoundOnRegistration(RegisterComplaint command, ComplaintPolicy policy,
                                                                          RelatedFindings related) {
        Map<EscalationReason, String> reasons = new LinkedHashMap<>();
        if (related == null) {
            return reasons;
        }
        if (related.repeatOf() != null) {
            reasons.put(EscalationReason.REPEAT_COMPLAINT, EscalationReason.REPEAT_COMPLAINT + " (the customer's case "
                    + related.repeatOf() + " about " + command.subcategory() + " was closed within "
                    + describe(policy.repeatWindow()) + ")");
        }
        List<String> groups = new ArrayList<>();
        if (related.customersAtBranchAndSubcategory() >= policy.groupThreshold()) {
            groups.add(related.customersAtBranchAndSubcategory() + " customers about " + command.subcategory()
                    + " at " + command.branchCode());
        }
        if (command.flags().isIncident() && related.customersWithIncident() >= policy.groupThreshold()) {
            groups.add(related.customersWithIncident() + " customers about incident " + command.flags().incidentCode());
        }
        if (!groups.isEmpty()) {
            reasons.put(EscalationReason.GROUP_COMPLAINT, EscalationReason.GROUP_COMPLAINT + " ("
                    + String.join(" and ", groups) + " within " + describe(policy.groupWindow()) + ")");
        }
        return reasons;
    }

    /** A window in words: whole days as days, anything else in ISO-8601. */
    private static String describe(Duration window) {
        if (window.equals(Duration.ofDays(window.toDays()))) {
            return window.toDays() == 1 ? "1 day" : window.toDays() + " days";
        }
        return window.toString();
    }

    /**
     * The system takes the case one level up from {@code from}; at the top level (a report to the regulator) it
     * never does, and records nothing. Every automatic escalation goes through here. {@code deadlines} may be null
     * where none is at hand (a deadline firing): a branch reply deadline left scheduled then finds its clock stopped.
     */
    private void escalateBySystem(ComplaintId id, HandlingLevel from, EscalationReason reason, String note,
                                  DeadlineManager deadlines) {
        from.next().ifPresent(next -> escalateTo(new ComplaintEscalated(id, from, next, reason, note, Actor.SYSTEM), deadlines));
    }

    /**
     * Records an escalation. A case taken above the branch is no longer the branch's to reply to: its branch reply
     * clock stops (its deadline is cancelled; nothing is recorded but the escalation, which the clock's state follows).
     */
    private void escalateTo(ComplaintEscalated escalation, DeadlineManager deadlines) {
        RunningClock branchReply = runningClocks.get(SlaClock.BRANCH_REPLY);
        apply(escalation);
        if (branchReply != null && deadlines != null && !runningClocks.containsKey(SlaClock.BRANCH_REPLY)) {
            deadlines.cancelSchedule(SlaDeadlineDue.NAME, branchReply.deadlineId());
        }
    }

    /** The due time of a recorded clock counted from {@code from}, in the calendar of the case's pack. */
    private static Instant dueFrom(AppliedClock rule, Instant from, BusinessCalendar calendar) {
        if (rule.limit() != null) {
            return calendar.plusHours(from, rule.limit());
        }
        return rule.endOfBusinessDay()
                ? calendar.endOfBusinessDay(from, rule.businessDays(), PolicyPack.CLOSE_OF_BUSINESS)
                : calendar.plusWorkingDays(from, rule.businessDays());
    }

    /** The recorded clock of the case that starts at {@code start}, or null. */
    private AppliedClock clockStartingAt(ClockStart start) {
        return clockRules.values().stream().filter(rule -> rule.start() == start).findFirst().orElse(null);
    }

    /**
     * A registration sent again under an existing id: the same request gets the original version back,
     * a different one is refused.
     */
    public long repeatRegistration(RegisterComplaint command) {
        requireRole(command.actor(), "register a complaint", INTAKE, HANDLER, SUPERVISOR);
        if (!registrationFingerprint.equals(command.fingerprint())) {
            throw new StateConflict(RefusalCode.DUPLICATE_COMPLAINT_ID,
                    "complaint " + complaintId + " was already registered with different content");
        }
        return registrationVersion;
    }

    public void review(ReviewComplaint command, PolicyPacks packs, DeadlineManager deadlines) {
        requireRole(command.actor(), "review a complaint", SUPERVISOR);
        requireStatus("review", REGISTERED);
        if (command.outcome() == ReviewOutcome.ACCEPTED && command.handlingLevel() == null) {
            throw new InvalidValueException("handlingLevel", "is required when the outcome is ACCEPTED");
        }
        if (command.outcome() == ReviewOutcome.ACCEPTED && command.handlingLevel().isBelow(level)) {
            throw new BusinessRuleViolation(RefusalCode.HANDLING_LEVEL_BELOW_CURRENT,
                    "the case is already at " + level + "; it cannot be handled at " + command.handlingLevel());
        }
        DeadlineSet branchReply = null;
        AppliedClock branchReplyRule = clockStartingAt(ClockStart.BRANCH_REVIEW);
        if (command.outcome() == ReviewOutcome.ACCEPTED && command.handlingLevel() == HandlingLevel.BRANCH
                && branchReplyRule != null) {
            branchReply = schedule(deadlines, complaintId, branchReplyRule.clock(),
                    dueFrom(branchReplyRule, registeredAt, packs.calendarOf(jurisdiction)));
        }
        apply(new ComplaintReviewed(complaintId, command.outcome(), command.businessLine(),
                command.outcome() == ReviewOutcome.ACCEPTED ? command.handlingLevel() : level,
                command.note(), command.actor(), branchReply, command.product()));
        if (command.outcome() == ReviewOutcome.NOT_A_COMPLAINT) {
            cancelRunningClocks(deadlines);
        }
    }

    public void assign(AssignHandler command, Instant now, DeadlineManager deadlines) {
        requireRole(command.actor(), "assign a handler", SUPERVISOR);
        requireStatus("assign a handler", ACCEPTED, ASSIGNED, IN_PROGRESS);
        if (command.handlerId().equals(handlerId)) {
            throw new StateConflict(RefusalCode.HANDLER_ALREADY_ASSIGNED, command.handlerId() + " already handles this case");
        }
        apply(new HandlerAssigned(complaintId, command.handlerId(), handlerId, command.actor()));
        stepDone(SlaStep.HANDLER_ASSIGNED, now, command.actor(), deadlines);
    }

    /**
     * Forwards the case to another unit. Under a pack with a forward clock the transfer is weighed against the time
     * the case reached its current unit (met, or breached and met late: nothing was scheduled for it); under a pack
     * with a start-work clock the receiving unit's clock starts, replacing the one a previous transfer started.
     */
    public void transfer(TransferComplaint command, PolicyPacks packs, Instant now, DeadlineManager deadlines) {
        requireRole(command.actor(), "transfer a complaint", HANDLER, SUPERVISOR);
        requireStatus("transfer", REGISTERED, ACCEPTED, ASSIGNED, IN_PROGRESS);
        requireAssignedHandlerIfHandler(command.actor());
        if (command.toUnit().equals(unit)) {
            throw new BusinessRuleViolation(RefusalCode.SAME_UNIT, "the case is already with " + unit);
        }
        BusinessCalendar calendar = packs.calendarOf(jurisdiction);
        AppliedClock forward = clockStartingAt(ClockStart.ARRIVAL);
        Instant forwardDueAt = forward == null ? null : dueFrom(forward, arrivedAt, calendar);
        DeadlineSet startWork = null;
        AppliedClock startWorkRule = clockStartingAt(ClockStart.TRANSFER);
        if (startWorkRule != null) {
            RunningClock previous = runningClocks.get(startWorkRule.clock());
            if (previous != null) {
                deadlines.cancelSchedule(SlaDeadlineDue.NAME, previous.deadlineId());
            }
            startWork = schedule(deadlines, complaintId, startWorkRule.clock(), dueFrom(startWorkRule, now, calendar));
        }
        apply(new ComplaintTransferred(complaintId, unit, command.toUnit(), command.reason(), handlerId, command.actor(),
                now, startWork));
        if (forward != null) {
            if (now.isAfter(forwardDueAt)) {
                apply(new DeadlineBreached(complaintId, forward.clock(), null, forwardDueAt, forwardDueAt, command.actor()));
            }
            apply(new DeadlineMet(complaintId, forward.clock(), null, forwardDueAt, now, command.actor()));
        }
    }

    /** {@code notAfter}: the latest instant a reported time may have (now, plus the tolerated clock skew). */
    public void recordContact(RecordContact command, Instant notAfter, DeadlineManager deadlines) {
        requireRole(command.actor(), "record a contact", INTAKE, HANDLER);
        requireOpen();
        requireAssignedHandlerIfHandler(command.actor());
        if (command.contactedAt().isAfter(notAfter)) {
            throw new BusinessRuleViolation(RefusalCode.TIME_IN_FUTURE, "contactedAt " + command.contactedAt() + " is in the future");
        }
        if (command.contactedAt().isBefore(receivedAt)) {
            throw new BusinessRuleViolation(RefusalCode.CONTACT_BEFORE_RECEIPT,
                    "contactedAt " + command.contactedAt() + " is before the complaint was received (" + receivedAt + ")");
        }
        apply(new CustomerContacted(complaintId, command.contactedAt(), command.method(), command.summary(),
                !firstContactMade, command.actor()));
        stepDone(SlaStep.FIRST_CONTACT, command.contactedAt(), command.actor(), deadlines);
    }

    public void attachEvidence(AttachEvidence command) {
        requireRole(command.actor(), "attach evidence", HANDLER);
        requireStatus("attach evidence", ASSIGNED, IN_PROGRESS, RESOLUTION_PROPOSED);
        requireAssignedHandler(command.actor());
        apply(new EvidenceAttached(complaintId, command.kind(), command.reference(), command.description(), command.actor()));
    }

    public void recordFindings(RecordFindings command) {
        requireRole(command.actor(), "record findings", HANDLER);
        requireStatus("record findings", ASSIGNED, IN_PROGRESS);
        requireAssignedHandler(command.actor());
        apply(new FindingsRecorded(complaintId, command.validity(), command.responsibility(), command.rootCause(),
                command.summary(), command.actor()));
    }

    public void proposeResolution(ProposeResolution command, ComplaintPolicy policy, Instant now, DeadlineManager deadlines) {
        requireRole(command.actor(), "propose a resolution", HANDLER);
        requireStatus("propose a resolution", IN_PROGRESS);
        requireAssignedHandler(command.actor());
        requireFindings();
        Money compensation = command.compensation() == null || command.compensation().isZero() ? null : command.compensation();
        apply(new ResolutionProposed(complaintId, command.summary(), compensation, command.actor()));
        AppliedClock branchReply = clockRules.get(SlaClock.BRANCH_REPLY);
        if (branchReply != null && branchReply.metBy() == SlaStep.RESOLUTION_PROPOSED) {
            // the branch replied before any escalation the proposal brings about takes the case from it
            stepDone(SlaClock.BRANCH_REPLY, now, command.actor(), deadlines);
        }
        escalateIfBeyondAuthority(compensation, policy, deadlines);
        stepDone(SlaStep.RESOLUTION_PROPOSED, now, command.actor(), deadlines);
    }

    /**
     * A compensation claim above what a unit at the case's level may grant (domain brief, section 5) has the
     * system escalate the case right after the proposal. One level per proposal, even when the next level's
     * authority is still too low: that level takes the case over, and a further proposal made there is weighed
     * against its own authority. Compensation in another currency than the policy's is not compared (see
     * {@link ComplaintPolicy#exceedsAuthority}).
     */
    private void escalateIfBeyondAuthority(Money compensation, ComplaintPolicy policy, DeadlineManager deadlines) {
        if (!policy.exceedsAuthority(compensation, level)) {
            return;
        }
        BigDecimal limit = policy.authorityLimit(level).orElseThrow();
        escalateBySystem(complaintId, level, EscalationReason.COMPENSATION_CLAIM,
                "the proposed compensation of " + compensation + " exceeds the authority of " + level + " ("
                        + limit.toPlainString() + " " + policy.currency() + ")", deadlines);
    }

    public void decideCompensation(DecideCompensation command) {
        requireRole(command.actor(), "decide on compensation", SUPERVISOR);
        requireStatus("decide on compensation", RESOLUTION_PROPOSED);
        requirePendingCompensation();
        requireSecondApprover(command.actor());
        if (command.approved()) {
            apply(new CompensationApproved(complaintId, proposedCompensation, proposedBy, command.note(), command.actor()));
        } else {
            apply(new CompensationRejected(complaintId, proposedCompensation, proposedBy, command.note(), command.actor()));
        }
    }

    public void recordCustomerResponse(RecordCustomerResponse command, Instant now, DeadlineManager deadlines) {
        requireRole(command.actor(), "record the customer's response", HANDLER);
        requireStatus("record the customer's response", RESOLUTION_PROPOSED);
        requireAssignedHandler(command.actor());
        if (compensationState == CompensationState.PENDING) {
            throw new BusinessRuleViolation(RefusalCode.COMPENSATION_NOT_APPROVED,
                    "the proposed compensation of " + proposedCompensation + " awaits a second person's approval");
        }
        if (command.accepted()) {
            apply(new ResolutionAccepted(complaintId, command.comment(), command.actor()));
            stepDone(SlaStep.RESOLUTION_ACCEPTED, now, command.actor(), deadlines);
        } else {
            apply(new ResolutionRejected(complaintId, command.comment(), command.actor()));
        }
    }

    public void recordCompensationPayment(RecordCompensationPayment command, Instant notAfter) {
        requireRole(command.actor(), "record a compensation payment", HANDLER, SUPERVISOR);
        requireStatus("record a compensation payment", RESOLVED, CLOSED, IN_PROGRESS);
        requireAssignedHandlerIfHandler(command.actor());
        if (compensationPaid) {
            throw new StateConflict(RefusalCode.COMPENSATION_ALREADY_PAID, "the approved compensation was already paid");
        }
        if (compensationState != CompensationState.ACCEPTED) {
            throw new BusinessRuleViolation(RefusalCode.NO_APPROVED_COMPENSATION,
                    "there is no approved and accepted compensation to pay");
        }
        if (!command.amount().currency().equals(proposedCompensation.currency())) {
            throw new BusinessRuleViolation(RefusalCode.PAYMENT_CURRENCY_MISMATCH,
                    "the approved compensation is in " + proposedCompensation.currency());
        }
        if (command.amount().isGreaterThan(proposedCompensation)) {
            throw new BusinessRuleViolation(RefusalCode.PAYMENT_EXCEEDS_APPROVED,
                    "paid " + command.amount() + " exceeds the approved " + proposedCompensation);
        }
        if (command.paidAt().isAfter(notAfter)) {
            throw new BusinessRuleViolation(RefusalCode.TIME_IN_FUTURE, "paidAt " + command.paidAt() + " is in the future");
        }
        apply(new CompensationPaid(complaintId, command.amount(), command.paidAt(), command.paymentReference(), command.actor()));
    }

    public void recordFeedback(RecordFeedback command) {
        requireRole(command.actor(), "record feedback", HANDLER, INTAKE);
        requireStatus("record feedback", RESOLVED, CLOSED);
        requireAssignedHandlerIfHandler(command.actor());
        if (feedbackRecorded) {
            throw new StateConflict(RefusalCode.FEEDBACK_ALREADY_RECORDED, "the customer's feedback on this resolution is already recorded");
        }
        apply(new FeedbackRecorded(complaintId, command.score(), command.comment(), command.actor()));
    }

    public void close(CloseComplaint command, DeadlineManager deadlines) {
        requireRole(command.actor(), "close a complaint", HANDLER, SUPERVISOR);
        requireStatus("close", RESOLVED);
        requireAssignedHandlerIfHandler(command.actor());
        apply(new ComplaintClosed(complaintId, command.note(), command.actor()));
        cancelRunningClocks(deadlines);
    }

    public void reopen(ReopenComplaint command) {
        requireRole(command.actor(), "reopen a complaint", INTAKE, SUPERVISOR);
        if (status != CLOSED) {
            refuseStatus("reopen", List.of(CLOSED), status.isOpen() ? null : status);
        }
        apply(new ComplaintReopened(complaintId, command.reason(), command.actor()));
    }

    public void withdraw(WithdrawComplaint command, DeadlineManager deadlines) {
        requireRole(command.actor(), "withdraw a complaint", INTAKE, HANDLER);
        requireOpen();
        requireAssignedHandlerIfHandler(command.actor());
        apply(new ComplaintWithdrawn(complaintId, command.reason(), command.actor()));
        cancelRunningClocks(deadlines);
    }

    public void escalate(EscalateComplaint command, DeadlineManager deadlines) {
        requireRole(command.actor(), "escalate a complaint", INTAKE, HANDLER, SUPERVISOR, SYSTEM);
        requireOpen();
        requireAssignedHandlerIfHandler(command.actor());
        HandlingLevel next = level.next().orElseThrow(() -> new BusinessRuleViolation(
                RefusalCode.ESCALATION_BEYOND_TOP_LEVEL, "the case is already at the top level, " + level));
        escalateTo(new ComplaintEscalated(complaintId, level, next, command.reason(), command.note(), command.actor()), deadlines);
    }

    /**
     * A supervisor extends the deadline the pack lets be extended: within the days a supervisor may grant in all, more
     * only with the head office's approval, at most as often as the pack allows and never beyond its limit from receipt.
     */
    public void extendDeadline(ExtendDeadline command, PolicyPacks packs, DeadlineManager deadlines) {
        requireRole(command.actor(), "extend a deadline", SUPERVISOR);
        requireOpen();
        if (extension == null) {
            throw new BusinessRuleViolation(RefusalCode.EXTENSION_BEYOND_POLICY,
                    "the policy the case was registered under allows no extension of its deadlines");
        }
        SlaClock clock = extension.clock();
        RunningClock running = requireRunningClock(clock);
        if (command.days() < 1) {
            throw new InvalidValueException("days", "must be at least 1");
        }
        int allowed = extension.supervisorDays() + (command.headOfficeApproval() ? extension.headOfficeDays() : 0);
        if (extensionDaysGranted + command.days() > allowed) {
            throw new BusinessRuleViolation(RefusalCode.EXTENSION_BEYOND_POLICY,
                    "the policy allows " + allowed + (extension.businessDays() ? " business" : "") + " days of extension in all"
                            + (extension.headOfficeDays() > 0 && !command.headOfficeApproval()
                            ? " (" + extension.headOfficeDays() + " more with the head office's approval)" : "")
                            + "; " + extensionDaysGranted + " already granted, " + command.days() + " requested");
        }
        if (extension.maxGrants() > 0 && extensionsGranted >= extension.maxGrants()) {
            throw new BusinessRuleViolation(RefusalCode.EXTENSION_BEYOND_POLICY,
                    "the policy allows " + extension.maxGrants() + " extension(s) only");
        }
        Instant newDueAt = extension.businessDays()
                ? packs.calendarOf(jurisdiction).plusWorkingDays(running.dueAt(), command.days())
                : running.dueAt().plus(Duration.ofDays(command.days()));
        if (extension.maxFromReceipt() != null && newDueAt.isAfter(receivedAt.plus(extension.maxFromReceipt()))) {
            throw new BusinessRuleViolation(RefusalCode.EXTENSION_BEYOND_POLICY,
                    "the policy never allows a deadline beyond " + extension.maxFromReceipt().toDays()
                            + " days from receipt (" + receivedAt.plus(extension.maxFromReceipt()) + ")");
        }
        deadlines.cancelSchedule(SlaDeadlineDue.NAME, running.deadlineId());
        DeadlineSet rescheduled = schedule(deadlines, complaintId, clock, newDueAt);
        apply(new DeadlineExtended(complaintId, clock, running.dueAt(), newDueAt,
                command.days(), command.reason(), running.deadlineId(), rescheduled.deadlineId(), command.actor()));
    }

    /**
     * A clock's limit passed with its step not done: the breach is recorded at that moment, and the case
     * goes one level up (by the system) unless it is at the top already.
     */
    @DeadlineHandler(deadlineName = SlaDeadlineDue.NAME)
    void onDeadline(SlaDeadlineDue due) {
        RunningClock running = runningClocks.get(due.clock());
        if (running == null || !running.dueAt().equals(due.dueAt()) || !status.isOpen()) {
            return;
        }
        apply(new DeadlineBreached(complaintId, due.clock(), running.deadlineId(), running.dueAt(), running.dueAt(),
                Actor.SYSTEM));
        AppliedClock rule = clockRules.get(due.clock());
        if (rule != null && !rule.escalateOnBreach()) {
            return;
        }
        escalateBySystem(complaintId, level, EscalationReason.SLA_BREACH,
                "the " + due.clock() + " limit passed at " + due.dueAt(), null);
    }

    private static DeadlineSet schedule(DeadlineManager deadlines, ComplaintId complaintId, SlaClock clock, Instant dueAt) {
        String deadlineId = deadlines.schedule(dueAt, SlaDeadlineDue.NAME, new SlaDeadlineDue(clock, dueAt),
                new AggregateScopeDescriptor(Complaint.class.getSimpleName(), complaintId.value()));
        return new DeadlineSet(clock, dueAt, deadlineId);
    }

    /** The step was done at {@code at}: every clock it meets is met if in time, a breach if late. */
    private void stepDone(SlaStep step, Instant at, Actor by, DeadlineManager deadlines) {
        List<SlaClock> met = clockRules.values().stream().filter(rule -> rule.metBy() == step).map(AppliedClock::clock).toList();
        for (SlaClock clock : met) {
            stepDone(clock, at, by, deadlines);
        }
    }

    private void stepDone(SlaClock clock, Instant at, Actor by, DeadlineManager deadlines) {
        RunningClock running = runningClocks.get(clock);
        if (running != null) {
            deadlines.cancelSchedule(SlaDeadlineDue.NAME, running.deadlineId());
            if (at.isAfter(running.dueAt())) {
                apply(new DeadlineBreached(complaintId, clock, running.deadlineId(), running.dueAt(), running.dueAt(), by));
            }
            apply(new DeadlineMet(complaintId, clock, running.deadlineId(), running.dueAt(), at, by));
            return;
        }
        RunningClock breached = breachedClocks.get(clock);
        if (breached != null) {
            apply(new DeadlineMet(complaintId, clock, breached.deadlineId(), breached.dueAt(), at, by));
        }
    }

    /** The case ended: its clocks stop, and their deadlines are cancelled. */
    private void cancelRunningClocks(DeadlineManager deadlines) {
        runningClocks.values().forEach(running -> deadlines.cancelSchedule(SlaDeadlineDue.NAME, running.deadlineId()));
    }

    private RunningClock requireRunningClock(SlaClock clock) {
        RunningClock running = runningClocks.get(clock);
        if (running == null) {
            throw new StateConflict(RefusalCode.DEADLINE_NOT_RUNNING,
                    "the " + clock + " clock is not running: its step was done or its limit already passed");
        }
        return running;
    }

    // ---- the rules, by name ----

    private static void requireRole(Actor actor, String action, Role... allowed) {
        if (Arrays.stream(allowed).noneMatch(actor::is)) {
            throw new ActionNotPermitted(RefusalCode.ROLE_NOT_ALLOWED,
                    "role " + actor.role() + " may not " + action + "; allowed: " + Arrays.toString(allowed));
        }
    }

    private static void requireSubcategoryOfCategory(RegisterComplaint command) {
        if (!command.subcategory().belongsTo(command.category())) {
            throw new BusinessRuleViolation(RefusalCode.SUBCATEGORY_MISMATCH,
                    command.subcategory() + " belongs to " + command.subcategory().category() + ", not " + command.category());
        }
    }

    private static void requireNotReceivedInFuture(Instant receivedAt, Instant now, Duration skew) {
        if (receivedAt.isAfter(now.plus(skew))) {
            throw new BusinessRuleViolation(RefusalCode.RECEIVED_IN_FUTURE, "receivedAt " + receivedAt + " is in the future");
        }
    }

    private static void requireLateEntryReason(String reason, Duration entryLimit) {
        if (reason == null || reason.isBlank()) {
            throw new BusinessRuleViolation(RefusalCode.LATE_ENTRY_REASON_REQUIRED,
                    "a complaint must be entered within " + entryLimit.toHours() + " hours of receipt; give a lateEntryReason");
        }
    }

    private void requireOpen() {
        if (!status.isOpen()) {
            refuseStatus(null, List.of(), status);
        }
    }

    private void requireStatus(String action, ComplaintStatus... allowed) {
        List<ComplaintStatus> permitted = List.of(allowed);
        if (!permitted.contains(status)) {
            refuseStatus(action, permitted, status.isOpen() ? null : status);
        }
    }

    private void refuseStatus(String action, List<ComplaintStatus> permitted, ComplaintStatus terminal) {
        if (terminal == CLOSED) {
            throw new StateConflict(RefusalCode.COMPLAINT_CLOSED, "complaint " + complaintId + " is closed");
        }
        if (terminal == WITHDRAWN) {
            throw new StateConflict(RefusalCode.COMPLAINT_WITHDRAWN, "complaint " + complaintId + " was withdrawn");
        }
        if (terminal == NOT_A_COMPLAINT) {
            throw new StateConflict(RefusalCode.COMPLAINT_NOT_A_COMPLAINT, "complaint " + complaintId + " was found not to be a complaint");
        }
        throw new StateConflict(RefusalCode.INVALID_STATUS,
                "cannot " + action + " a case in status " + status + "; it must be " + permitted);
    }

    private void requireAssignedHandler(Actor actor) {
        if (!actor.userId().equals(handlerId)) {
            throw new ActionNotPermitted(RefusalCode.NOT_ASSIGNED_HANDLER,
                    actor.userId() + " is not the handler of complaint " + complaintId
                            + (handlerId == null ? " (no handler is assigned)" : ""));
        }
    }

    private void requireAssignedHandlerIfHandler(Actor actor) {
        if (actor.is(HANDLER)) {
            requireAssignedHandler(actor);
        }
    }

    private void requireFindings() {
        if (!findingsRecorded) {
            throw new BusinessRuleViolation(RefusalCode.FINDINGS_REQUIRED,
                    "record findings (validity and responsibility) before proposing a resolution");
        }
    }

    private void requirePendingCompensation() {
        if (compensationState != CompensationState.PENDING) {
            throw new StateConflict(RefusalCode.NO_PENDING_COMPENSATION, "no proposed compensation awaits a decision");
        }
    }

    private void requireSecondApprover(Actor approver) {
        if (approver.userId().equals(proposedBy) || approver.userId().equals(handlerId)) {
            throw new BusinessRuleViolation(RefusalCode.FOUR_EYES_REQUIRED,
                    "compensation must be decided by someone other than its proposer (" + proposedBy
                            + ") and the case's handler (" + handlerId + ")");
        }
    }

    // ---- state, from the events ----

    @EventSourcingHandler
    void on(ComplaintRegistered event) {
        complaintId = event.complaintId();
        status = REGISTERED;
        level = event.level();
        unit = event.branchCode();
        receivedAt = event.receivedAt();
        registeredAt = event.registeredAt();
        arrivedAt = event.registeredAt();
        registrationFingerprint = event.requestFingerprint();
        registrationVersion = 0;
        escalationOnRegistrationDue = !reasonsOnRegistration(event.channel(), event.flags()).isEmpty();
        escalatedSinceRegistration = false;
        jurisdiction = event.policy().jurisdiction();
        clockRules = new java.util.LinkedHashMap<>();
        event.policy().clocks().forEach(clock -> clockRules.put(clock.clock(), clock));
        if (clockRules.isEmpty()) {
            // registered before policy packs: first contact and resolution, as then
            clockRules.put(SlaClock.FIRST_CONTACT, new AppliedClock(SlaClock.FIRST_CONTACT, null,
                    event.policy().firstContactLimit(), 0, false, SlaStep.FIRST_CONTACT, true));
            clockRules.put(SlaClock.RESOLUTION, new AppliedClock(SlaClock.RESOLUTION, null,
                    event.policy().resolutionLimit(), 0, false, SlaStep.RESOLUTION_PROPOSED, true));
        }
        extension = event.policy().extension();
        if (extension == null && event.policy().clocks().isEmpty() && event.policy().maxExtension() != null
                && !event.policy().maxExtension().isZero()) {
            extension = new AppliedExtension(SlaClock.RESOLUTION, (int) event.policy().maxExtension().toDays(), 0,
                    false, 0, null);
        }
        extensionDaysGranted = 0;
        extensionsGranted = 0;
        runningClocks = new EnumMap<>(SlaClock.class);
        breachedClocks = new EnumMap<>(SlaClock.class);
        event.deadlines().forEach(deadline ->
                runningClocks.put(deadline.clock(), new RunningClock(deadline.deadlineId(), deadline.dueAt())));
    }

    @EventSourcingHandler
    void on(ComplaintEnteredLate event, @SequenceNumber long sequenceNumber) {
        registrationVersion = sequenceNumber;
    }

    @EventSourcingHandler
    void on(ComplaintReviewed event) {
        status = event.outcome() == ReviewOutcome.ACCEPTED ? ACCEPTED : NOT_A_COMPLAINT;
        level = event.handlingLevel();
        if (event.branchReply() != null) {
            runningClocks.put(event.branchReply().clock(),
                    new RunningClock(event.branchReply().deadlineId(), event.branchReply().dueAt()));
        }
    }

    @EventSourcingHandler
    void on(HandlerAssigned event) {
        handlerId = event.handlerId();
        if (status == ACCEPTED) {
            status = ASSIGNED;
        }
    }

    @EventSourcingHandler
    void on(ComplaintTransferred event) {
        unit = event.toUnit();
        handlerId = null;
        if (event.transferredAt() != null) {
            arrivedAt = event.transferredAt();
        }
        if (event.startWork() != null) {
            breachedClocks.remove(event.startWork().clock());
            runningClocks.put(event.startWork().clock(),
                    new RunningClock(event.startWork().deadlineId(), event.startWork().dueAt()));
        }
        if (status != REGISTERED) {
            status = ACCEPTED;
        }
    }

    @EventSourcingHandler
    void on(CustomerContacted event) {
        firstContactMade = true;
        if (status == ASSIGNED) {
            status = IN_PROGRESS;
        }
    }

    @EventSourcingHandler
    void on(EvidenceAttached event) {
        if (status == ASSIGNED) {
            status = IN_PROGRESS;
        }
    }

    @EventSourcingHandler
    void on(FindingsRecorded event) {
        findingsRecorded = true;
        if (HANDLING.contains(status)) {
            status = IN_PROGRESS;
        }
    }

    @EventSourcingHandler
    void on(ResolutionProposed event) {
        status = RESOLUTION_PROPOSED;
        proposedBy = event.by().userId();
        proposedCompensation = event.compensation();
        compensationState = event.compensation() == null ? CompensationState.NONE : CompensationState.PENDING;
        compensationPaid = false;
    }

    @EventSourcingHandler
    void on(CompensationApproved event) {
        compensationState = CompensationState.APPROVED;
    }

    @EventSourcingHandler
    void on(CompensationRejected event) {
        clearProposal();
    }

    @EventSourcingHandler
    void on(ResolutionAccepted event) {
        status = RESOLVED;
        feedbackRecorded = false;
        if (compensationState == CompensationState.APPROVED) {
            compensationState = CompensationState.ACCEPTED;
        }
    }

    @EventSourcingHandler
    void on(ResolutionRejected event) {
        clearProposal();
    }

    @EventSourcingHandler
    void on(CompensationPaid event) {
        compensationPaid = true;
    }

    @EventSourcingHandler
    void on(FeedbackRecorded event) {
        feedbackRecorded = true;
    }

    @EventSourcingHandler
    void on(ComplaintClosed event) {
        status = CLOSED;
    }

    @EventSourcingHandler
    void on(ComplaintReopened event) {
        status = IN_PROGRESS;
        feedbackRecorded = false;
        if (compensationState != CompensationState.ACCEPTED || compensationPaid) {
            // an agreed compensation not yet paid stays payable until a new resolution replaces it
            proposedBy = null;
            proposedCompensation = null;
            compensationState = CompensationState.NONE;
        }
    }

    @EventSourcingHandler
    void on(ComplaintWithdrawn event) {
        status = WITHDRAWN;
    }

    @EventSourcingHandler
    void on(ComplaintEscalated event, @SequenceNumber long sequenceNumber) {
        if (isEscalationOnRegistration(event, sequenceNumber)) {
            registrationVersion = sequenceNumber;
        }
        escalationOnRegistrationDue = false;
        escalatedSinceRegistration = true;
        level = event.toLevel();
        if (level != HandlingLevel.BRANCH) {
            runningClocks.remove(SlaClock.BRANCH_REPLY);
            breachedClocks.remove(SlaClock.BRANCH_REPLY);
        }
    }

    /**
     * The system's escalation recorded by the registration itself: the first escalation of the case, directly
     * following the registration's other events, by the system, for a reason weighed on arrival. When the
     * registration's own facts (channel, flags) called for one, its reason is the first of those; otherwise only
     * what other cases showed (a repeat, a group) can have caused it, which the registered event does not carry.
     * A resend of the registration answers its version, as the first answer did.
     */
    private boolean isEscalationOnRegistration(ComplaintEscalated event, long sequenceNumber) {
        if (escalatedSinceRegistration || status != REGISTERED || sequenceNumber != registrationVersion + 1
                || !event.by().is(SYSTEM)) {
            return false;
        }
        return escalationOnRegistrationDue
                ? ON_REGISTRATION.contains(event.reason())
                : DETECTED_ON_REGISTRATION.contains(event.reason());
    }

    @EventSourcingHandler
    void on(DeadlineExtended event) {
        runningClocks.put(event.clock(), new RunningClock(event.deadlineId(), event.newDueAt()));
        extensionDaysGranted += event.days();
        extensionsGranted++;
    }

    @EventSourcingHandler
    void on(DeadlineMet event) {
        runningClocks.remove(event.clock());
        breachedClocks.remove(event.clock());
    }

    @EventSourcingHandler
    void on(DeadlineBreached event) {
        RunningClock breached = runningClocks.remove(event.clock());
        if (breached != null) {
            breachedClocks.put(event.clock(), breached);
        }
    }

    private void clearProposal() {
        status = IN_PROGRESS;
        proposedBy = null;
        proposedCompensation = null;
        compensationState = CompensationState.NONE;
    }

    ComplaintStatus status() {
        return status;
    }

    @Override
    public String toString() {
        return "Complaint[" + complaintId + ", " + status + ", " + level + ", handler " + Objects.toString(handlerId, "-") + "]";
    }
}
