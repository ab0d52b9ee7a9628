package com.complaintcase.command.complaint.review;

import com.complaintcase.casemodel.CaseState;
import com.complaintcase.command.complaint.BusinessRuleViolation;
import com.complaintcase.command.complaint.RefusalCode;
import com.complaintcase.command.complaint.sla.PolicyPacks;
import com.complaintcase.command.complaint.sla.SlaClocks;
import com.complaintcase.events.complaint.AppliedClock;
import com.complaintcase.events.complaint.ComplaintReviewed;
import com.complaintcase.events.complaint.DeadlineSet;
import com.complaintcase.values.ClockStart;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.InvalidValueException;
import com.complaintcase.values.ReviewOutcome;

import static com.complaintcase.command.complaint.CaseRules.requireRole;
import static com.complaintcase.command.complaint.CaseRules.requireStatus;
import static com.complaintcase.values.ComplaintStatus.REGISTERED;
import static com.complaintcase.values.Role.SUPERVISOR;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The initial review (domain brief, section 4): a supervisor decides whether it is a complaint at all, and if so at
 * which level it is handled, never below the level it already reached. Accepted at the branch, the branch-reply
 * clock of the case's pack starts; not a complaint, the case ends and its clocks stop.
 */
public final class Review {

    private Review() {
    }

    public static void review(CaseState c, ReviewComplaint command, PolicyPacks packs, SlaClocks clocks) {
        requireRole(command.actor(), "review a complaint", SUPERVISOR);
        requireStatus(c, "review", REGISTERED);
        boolean accepted = command.outcome() == ReviewOutcome.ACCEPTED;
        if (accepted && command.handlingLevel() == null) {
            throw new InvalidValueException("handlingLevel", "is required when the outcome is ACCEPTED");
        }
        if (accepted && command.handlingLevel().isBelow(c.level())) {
            throw new BusinessRuleViolation(RefusalCode.HANDLING_LEVEL_BELOW_CURRENT,
                    "the case is already at " + c.level() + "; it cannot be handled at " + command.handlingLevel());
        }
        DeadlineSet branchReply = null;
        AppliedClock branchReplyRule = c.clockStartingAt(ClockStart.BRANCH_REVIEW);
        if (accepted && command.handlingLevel() == HandlingLevel.BRANCH && branchReplyRule != null) {
            branchReply = clocks.schedule(branchReplyRule.clock(),
                    SlaClocks.dueFrom(branchReplyRule, c.registeredAt(), packs.calendarOf(c.jurisdiction())));
        }
        apply(new ComplaintReviewed(c.complaintId(), command.outcome(), command.businessLine(),
                accepted ? command.handlingLevel() : c.level(), command.note(), command.actor(), branchReply,
                command.product()));
        if (command.outcome() == ReviewOutcome.NOT_A_COMPLAINT) {
            clocks.cancelRunning();
        }
    }
}
