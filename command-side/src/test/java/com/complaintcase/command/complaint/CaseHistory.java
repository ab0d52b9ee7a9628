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
import com.complaintcase.events.complaint.DeadlineExtended;
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
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.EscalationReason;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.Money;
import com.complaintcase.values.ReviewOutcome;
import com.complaintcase.values.SlaClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static com.complaintcase.command.complaint.Actors.HANDLER1;
import static com.complaintcase.command.complaint.Actors.INTAKE1;
import static com.complaintcase.command.complaint.Actors.SUPERVISOR1;
import static com.complaintcase.command.complaint.ComplaintCommands.*;

/**
 * Builds the history (the given events) of a case at any stage of its life, under the default policy.
 * Start from one of the {@code a...Case()} stages and append further facts; each fact is the event the
 * aggregate records for the matching command in {@link ComplaintCommands}, by the usual actor (supervisor1
 * reviews, assigns and approves; the assigned handler investigates and resolves; intake1 reopens and
 * withdraws).
 */
final class CaseHistory {

    static final ComplaintPolicy POLICY = ComplaintPolicy.DEFAULT;

    private final ComplaintId id;
    private final List<ComplaintEvent> events = new ArrayList<>();
    private HandlingLevel level;
    private BranchCode unit;
    private Actor handler;
    private String proposedBy;
    private Money proposedCompensation;
    private Instant resolutionDueAt;

    private CaseHistory(RegisterComplaint registration) {
        this.id = registration.complaintId();
        events.addAll(registrationEvents(registration, Moments.NOW));
        ComplaintRegistered registered = (ComplaintRegistered) events.get(0);
        level = registered.level();
        unit = registered.branchCode();
        resolutionDueAt = dueAt(registered, SlaClock.RESOLUTION);
    }

    // ---- the stages of a case's life ----

    /** A complaint registered now by intake1, received an hour ago. */
    static CaseHistory aRegisteredCase() {
        return aCaseRegisteredFrom(RegisterComplaintBuilder.aComplaint().build());
    }

    /** The case as the aggregate records the given registration (with a late-entry fact when it is late). */
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
        return add(new ComplaintReviewed(id, ReviewOutcome.ACCEPTED, BUSINESS_LINE, handlingLevel, REVIEW_NOTE, SUPERVISOR1));
    }

    CaseHistory reviewedAsNotAComplaint() {
        return add(new ComplaintReviewed(id, ReviewOutcome.NOT_A_COMPLAINT, BUSINESS_LINE, level, REVIEW_NOTE, SUPERVISOR1));
    }

    CaseHistory assignedTo(Actor newHandler) {
        String previous = handler == null ? null : handler.userId();
        handler = newHandler;
        return add(new HandlerAssigned(id, newHandler.userId(), previous, SUPERVISOR1));
    }

    CaseHistory transferredTo(BranchCode toUnit) {
        ComplaintTransferred transferred = new ComplaintTransferred(id, unit, toUnit, TRANSFER_REASON,
                handler == null ? null : handler.userId(), SUPERVISOR1);
        unit = toUnit;
        handler = null;
        return add(transferred);
    }

    CaseHistory customerContacted() {
        boolean first = events.stream().noneMatch(CustomerContacted.class::isInstance);
        return add(new CustomerContacted(id, Moments.minutesAgo(30), CONTACT_METHOD, CONTACT_SUMMARY, first, handler()));
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

    CaseHistory resolutionProposedWithCompensation(Money compensation) {
        proposedBy = handler().userId();
        proposedCompensation = compensation;
        return add(new ResolutionProposed(id, RESOLUTION_SUMMARY, compensation, handler()));
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
            add(new ComplaintEscalated(id, from, level, EscalationReason.MEDIA_THREAT, ESCALATION_NOTE, SUPERVISOR1));
        }
        return this;
    }

    CaseHistory deadlineExtended(int days) {
        Instant previous = resolutionDueAt;
        resolutionDueAt = previous.plus(Duration.ofDays(days));
        return add(new DeadlineExtended(id, SlaClock.RESOLUTION, previous, resolutionDueAt, days, EXTENSION_REASON, SUPERVISOR1));
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

    /** When the resolution clock falls due, after any extensions so far. */
    Instant resolutionDueAt() {
        return resolutionDueAt;
    }

    /** The events the aggregate records for a registration entered at {@code registeredAt} under the default policy. */
    static List<ComplaintEvent> registrationEvents(RegisterComplaint command, Instant registeredAt) {
        ComplaintRegistered registered = new ComplaintRegistered(
                command.complaintId(), command.receivedAt(), registeredAt, command.channel(), command.branchCode(),
                command.customer(), command.category(), command.subcategory(), command.rootIssue(),
                command.description(), command.requestedRemedy(), command.flags(), HandlingLevel.BRANCH,
                POLICY.applied(),
                List.of(new DeadlineSet(SlaClock.FIRST_CONTACT, registeredAt.plus(POLICY.firstContactLimit())),
                        new DeadlineSet(SlaClock.RESOLUTION, command.receivedAt().plus(POLICY.resolutionLimit()))),
                command.fingerprint(), command.actor());
        Duration sinceReceipt = Duration.between(command.receivedAt(), registeredAt);
        if (sinceReceipt.compareTo(POLICY.entryLimit()) <= 0) {
            return List.of(registered);
        }
        return List.of(registered, new ComplaintEnteredLate(command.complaintId(), command.receivedAt(), registeredAt,
                POLICY.entryLimit(), sinceReceipt.minus(POLICY.entryLimit()), command.lateEntryReason(), command.actor()));
    }

    private static Instant dueAt(ComplaintRegistered registered, SlaClock clock) {
        return registered.deadlines().stream()
                .filter(deadline -> deadline.clock() == clock)
                .map(DeadlineSet::dueAt)
                .findFirst().orElseThrow();
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
