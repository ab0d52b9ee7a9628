package com.complaintcase.casemodel;

import com.complaintcase.events.complaint.CompensationApproved;
import com.complaintcase.events.complaint.CompensationPaid;
import com.complaintcase.events.complaint.CompensationRejected;
import com.complaintcase.events.complaint.ComplaintClosed;
import com.complaintcase.events.complaint.ComplaintEnteredLate;
import com.complaintcase.events.complaint.ComplaintEscalated;
import com.complaintcase.events.complaint.ComplaintEvent;
import com.complaintcase.events.complaint.ComplaintPutOnHold;
import com.complaintcase.events.complaint.ComplaintRegistered;
import com.complaintcase.events.complaint.ComplaintReopened;
import com.complaintcase.events.complaint.ComplaintResumed;
import com.complaintcase.events.complaint.ComplaintReviewed;
import com.complaintcase.events.complaint.ComplaintTransferred;
import com.complaintcase.events.complaint.ComplaintWithdrawn;
import com.complaintcase.events.complaint.CustomerContacted;
import com.complaintcase.events.complaint.DeadlineBreached;
import com.complaintcase.events.complaint.DeadlineExtended;
import com.complaintcase.events.complaint.DeadlineMet;
import com.complaintcase.events.complaint.EvidenceAttached;
import com.complaintcase.events.complaint.FeedbackRecorded;
import com.complaintcase.events.complaint.FindingsRecorded;
import com.complaintcase.events.complaint.HandlerAssigned;
import com.complaintcase.events.complaint.ResolutionAccepted;
import com.complaintcase.events.complaint.ResolutionProposed;
import com.complaintcase.events.complaint.ResolutionRejected;
import com.complaintcase.values.BranchCode;
import com.complaintcase.values.ComplaintStatus;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.ReviewOutcome;

import static com.complaintcase.values.ComplaintStatus.*;

/**
 * What each event does to a case's place in its life: its status, handling level, unit and handler, whether the
 * event ends the case (its clocks stop) and whether it takes the case from the branch (the branch-reply clock is
 * dropped, neither met nor breached). The one place that says so: the command side's {@link CaseState} and the query
 * side's views both take their step from here. A visitor, so the compiler insists that every event is handled.
 *
 * <pre>
 * REGISTERED -review-> ACCEPTED -assign-> ASSIGNED -contact, evidence, findings-> IN_PROGRESS -propose-> RESOLUTION_PROPOSED
 *     |  (transfer: back to ACCEPTED, handler cleared)           ^  compensation or resolution rejected  |
 *     +-review-> NOT_A_COMPLAINT                                  +--------------------------------------+
 * RESOLUTION_PROPOSED -accepted-> RESOLVED -close-> CLOSED -reopen-> IN_PROGRESS;  any open status -withdraw-> WITHDRAWN
 * </pre>
 */
public final class CaseLife {

    private CaseLife() {
    }

    /** Where a case stands: the part of its state that every fold of its events keeps. */
    public record Lifecycle(ComplaintStatus status, HandlingLevel level, BranchCode unit, String handlerId) {

        /** Before its registration a case has nothing. */
        public static final Lifecycle UNREGISTERED = new Lifecycle(null, null, null, null);

        Lifecycle withStatus(ComplaintStatus next) {
            return new Lifecycle(next, level, unit, handlerId);
        }

        Lifecycle startWork() {
            return status == ASSIGNED ? withStatus(IN_PROGRESS) : this;
        }
    }

    /**
     * One event's step: the case after it, whether it ended the case (not a complaint, closed, withdrawn: its clocks
     * stop) and whether it took the case above the branch (the branch-reply clock is dropped).
     */
    public record Step(Lifecycle after, boolean endsTheCase, boolean dropsBranchReply) {

        static Step to(Lifecycle after) {
            return new Step(after, false, false);
        }
    }

    /** The step {@code event} takes a case that stands at {@code before}. */
    public static Step step(Lifecycle before, ComplaintEvent event) {
        return event.accept(new Steps(before));
    }

    private record Steps(Lifecycle c) implements ComplaintEvent.Visitor<Step> {

        @Override
        public Step on(ComplaintRegistered e) {
            return Step.to(new Lifecycle(REGISTERED, e.level(), e.branchCode(), null));
        }

        @Override
        public Step on(ComplaintEnteredLate e) {
            return Step.to(c);
        }

        @Override
        public Step on(ComplaintReviewed e) {
            boolean accepted = e.outcome() == ReviewOutcome.ACCEPTED;
            Lifecycle after = new Lifecycle(accepted ? ACCEPTED : NOT_A_COMPLAINT, e.handlingLevel(), c.unit(),
                    c.handlerId());
            return new Step(after, !accepted, false);
        }

        @Override
        public Step on(HandlerAssigned e) {
            return Step.to(new Lifecycle(c.status() == ACCEPTED ? ASSIGNED : c.status(), c.level(), c.unit(),
                    e.handlerId()));
        }

        @Override
        public Step on(ComplaintTransferred e) {
            // the receiving unit must assign a handler; a case not yet reviewed stays to be reviewed
            return Step.to(new Lifecycle(c.status() == REGISTERED ? REGISTERED : ACCEPTED, c.level(), e.toUnit(), null));
        }

        @Override
        public Step on(CustomerContacted e) {
            return Step.to(c.startWork());
        }

        @Override
        public Step on(EvidenceAttached e) {
            return Step.to(c.startWork());
        }

        @Override
        public Step on(FindingsRecorded e) {
            return Step.to(c.startWork());
        }

        @Override
        public Step on(ResolutionProposed e) {
            return Step.to(c.withStatus(RESOLUTION_PROPOSED));
        }

        @Override
        public Step on(CompensationApproved e) {
            return Step.to(c);
        }

        @Override
        public Step on(CompensationRejected e) {
            return Step.to(c.withStatus(IN_PROGRESS));
        }

        @Override
        public Step on(ResolutionAccepted e) {
            return Step.to(c.withStatus(RESOLVED));
        }

        @Override
        public Step on(ResolutionRejected e) {
            return Step.to(c.withStatus(IN_PROGRESS));
        }

        @Override
        public Step on(CompensationPaid e) {
            return Step.to(c);
        }

        @Override
        public Step on(FeedbackRecorded e) {
            return Step.to(c);
        }

        @Override
        public Step on(ComplaintClosed e) {
            return new Step(c.withStatus(CLOSED), true, false);
        }

        @Override
        public Step on(ComplaintReopened e) {
            return Step.to(c.withStatus(IN_PROGRESS));
        }

        @Override
        public Step on(ComplaintWithdrawn e) {
            return new Step(c.withStatus(WITHDRAWN), true, false);
        }

        @Override
        public Step on(ComplaintEscalated e) {
            // above the branch the branch no longer replies
            return new Step(new Lifecycle(c.status(), e.toLevel(), c.unit(), c.handlerId()), false,
                    e.toLevel() != HandlingLevel.BRANCH);
        }

        @Override
        public Step on(DeadlineExtended e) {
            return Step.to(c);
        }

        @Override
        public Step on(DeadlineMet e) {
            return Step.to(c);
        }

        @Override
        public Step on(DeadlineBreached e) {
            return Step.to(c);
        }

        @Override
        public Step on(ComplaintPutOnHold e) {
            // a hold waits within the status the case has
            return Step.to(c);
        }

        @Override
        public Step on(ComplaintResumed e) {
            return Step.to(c);
        }
    }
}
