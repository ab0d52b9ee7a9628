package com.complaintcase.command.complaint.resolution;

import com.complaintcase.casemodel.CaseState;
import com.complaintcase.command.complaint.BusinessRuleViolation;
import com.complaintcase.command.complaint.ComplaintPolicy;
import com.complaintcase.command.complaint.RefusalCode;
import com.complaintcase.command.complaint.StateConflict;
import com.complaintcase.command.complaint.escalation.Escalation;
import com.complaintcase.command.complaint.sla.SlaClocks;
import com.complaintcase.events.complaint.AppliedClock;
import com.complaintcase.events.complaint.CompensationApproved;
import com.complaintcase.events.complaint.CompensationPaid;
import com.complaintcase.events.complaint.CompensationRejected;
import com.complaintcase.events.complaint.FeedbackRecorded;
import com.complaintcase.events.complaint.ResolutionAccepted;
import com.complaintcase.events.complaint.ResolutionProposed;
import com.complaintcase.events.complaint.ResolutionRejected;
import com.complaintcase.values.Actor;
import com.complaintcase.values.EscalationReason;
import com.complaintcase.values.Money;
import com.complaintcase.values.SlaClock;
import com.complaintcase.values.SlaStep;

import java.math.BigDecimal;
import java.time.Instant;

import static com.complaintcase.command.complaint.CaseRules.*;
import static com.complaintcase.values.ComplaintStatus.*;
import static com.complaintcase.values.Role.*;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Resolution (domain brief, section 4): the handler proposes a resolution on recorded findings, a compensation in it
 * is decided by a second person (four eyes) and escalates the case when it exceeds the level's authority, the
 * customer accepts or rejects it, an agreed compensation is paid, and the customer's satisfaction is recorded.
 */
public final class Resolution {

    private Resolution() {
    }

    public static void propose(CaseState c, ProposeResolution command, ComplaintPolicy policy, Instant now,
                               SlaClocks clocks) {
        requireRole(command.actor(), "propose a resolution", HANDLER);
        requireStatus(c, "propose a resolution", IN_PROGRESS);
        requireAssignedHandler(c, command.actor());
        requireFindings(c);
        Money compensation = command.compensation() == null || command.compensation().isZero() ? null : command.compensation();
        apply(new ResolutionProposed(c.complaintId(), command.summary(), compensation, command.actor()));
        AppliedClock branchReply = c.clockRule(SlaClock.BRANCH_REPLY);
        if (branchReply != null && branchReply.metBy() == SlaStep.RESOLUTION_PROPOSED) {
            // the branch replied before any escalation the proposal brings about takes the case from it
            clocks.stepDone(SlaClock.BRANCH_REPLY, now, command.actor());
        }
        escalateIfAboveAuthority(c, compensation, policy, clocks);
        clocks.stepDone(SlaStep.RESOLUTION_PROPOSED, now, command.actor());
    }

    /**
     * Compensation above the level's authority (domain brief, section 5: a claim that exceeds what a unit at the
     * case's level may grant) has the system escalate the case right after the proposal. One level per proposal,
     * even when the next level's authority is still too low: that level takes the case over, and a further proposal
     * made there is weighed against its own authority. Compensation in another currency than the policy's is not
     * compared (see {@link ComplaintPolicy#exceedsAuthority}).
     */
    private static void escalateIfAboveAuthority(CaseState c, Money compensation, ComplaintPolicy policy,
                                                 SlaClocks clocks) {
        if (!policy.exceedsAuthority(compensation, c.level())) {
            return;
        }
        BigDecimal limit = policy.authorityLimit(c.level()).orElseThrow();
        Escalation.escalateBySystem(c, c.complaintId(), c.level(), EscalationReason.COMPENSATION_CLAIM,
                "the proposed compensation of " + compensation + " exceeds the authority of " + c.level() + " ("
                        + limit.toPlainString() + " " + policy.currency() + ")", clocks);
    }

    public static void decideCompensation(CaseState c, DecideCompensation command) {
        requireRole(command.actor(), "decide on compensation", SUPERVISOR);
        requireStatus(c, "decide on compensation", RESOLUTION_PROPOSED);
        requirePendingCompensation(c);
        requireSecondPerson(c, command.actor());
        if (command.approved()) {
            apply(new CompensationApproved(c.complaintId(), c.proposedCompensation(), c.proposedBy(), command.note(),
                    command.actor()));
        } else {
            apply(new CompensationRejected(c.complaintId(), c.proposedCompensation(), c.proposedBy(), command.note(),
                    command.actor()));
        }
    }

    public static void recordCustomerResponse(CaseState c, RecordCustomerResponse command, Instant now, SlaClocks clocks) {
        requireRole(command.actor(), "record the customer's response", HANDLER);
        requireStatus(c, "record the customer's response", RESOLUTION_PROPOSED);
        requireAssignedHandler(c, command.actor());
        if (c.awaitsCompensationDecision()) {
            throw new BusinessRuleViolation(RefusalCode.COMPENSATION_NOT_APPROVED,
                    "the proposed compensation of " + c.proposedCompensation() + " awaits a second person's approval");
        }
        if (command.accepted()) {
            apply(new ResolutionAccepted(c.complaintId(), command.comment(), command.actor()));
            clocks.stepDone(SlaStep.RESOLUTION_ACCEPTED, now, command.actor());
        } else {
            apply(new ResolutionRejected(c.complaintId(), command.comment(), command.actor()));
        }
    }

    /** {@code notAfter}: the latest instant a reported time may have (now, plus the tolerated clock skew). */
    public static void recordPayment(CaseState c, RecordCompensationPayment command, Instant notAfter) {
        requireRole(command.actor(), "record a compensation payment", HANDLER, SUPERVISOR);
        requireStatus(c, "record a compensation payment", RESOLVED, CLOSED, IN_PROGRESS);
        requireAssignedHandlerIfHandler(c, command.actor());
        if (c.compensationPaid()) {
            throw new StateConflict(RefusalCode.COMPENSATION_ALREADY_PAID, "the approved compensation was already paid");
        }
        if (!c.hasAgreedCompensation()) {
            throw new BusinessRuleViolation(RefusalCode.NO_APPROVED_COMPENSATION,
                    "there is no approved and accepted compensation to pay");
        }
        Money agreed = c.proposedCompensation();
        if (!command.amount().currency().equals(agreed.currency())) {
            throw new BusinessRuleViolation(RefusalCode.PAYMENT_CURRENCY_MISMATCH,
                    "the approved compensation is in " + agreed.currency());
        }
        if (command.amount().isGreaterThan(agreed)) {
            throw new BusinessRuleViolation(RefusalCode.PAYMENT_EXCEEDS_APPROVED,
                    "paid " + command.amount() + " exceeds the approved " + agreed);
        }
        if (command.paidAt().isAfter(notAfter)) {
            throw new BusinessRuleViolation(RefusalCode.TIME_IN_FUTURE, "paidAt " + command.paidAt() + " is in the future");
        }
        apply(new CompensationPaid(c.complaintId(), command.amount(), command.paidAt(), command.paymentReference(),
                command.actor()));
    }

    public static void recordFeedback(CaseState c, RecordFeedback command) {
        requireRole(command.actor(), "record feedback", HANDLER, INTAKE);
        requireStatus(c, "record feedback", RESOLVED, CLOSED);
        requireAssignedHandlerIfHandler(c, command.actor());
        if (c.feedbackRecorded()) {
            throw new StateConflict(RefusalCode.FEEDBACK_ALREADY_RECORDED,
                    "the customer's feedback on this resolution is already recorded");
        }
        apply(new FeedbackRecorded(c.complaintId(), command.score(), command.comment(), command.actor()));
    }

    private static void requireFindings(CaseState c) {
        if (!c.findingsRecorded()) {
            throw new BusinessRuleViolation(RefusalCode.FINDINGS_REQUIRED,
                    "record findings (validity and responsibility) before proposing a resolution");
        }
    }

    private static void requirePendingCompensation(CaseState c) {
        if (!c.awaitsCompensationDecision()) {
            throw new StateConflict(RefusalCode.NO_PENDING_COMPENSATION, "no proposed compensation awaits a decision");
        }
    }

    private static void requireSecondPerson(CaseState c, Actor approver) {
        if (!c.mayDecideCompensation(approver.userId())) {
            throw new BusinessRuleViolation(RefusalCode.FOUR_EYES_REQUIRED,
                    "compensation must be decided by someone other than its proposer (" + c.proposedBy()
                            + ") and the case's handler (" + c.handlerId() + ")");
        }
    }
}
