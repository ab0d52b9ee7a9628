package com.complaintcase.query.statistics.counting;

import com.complaintcase.events.complaint.CompensationApproved;
import com.complaintcase.events.complaint.CompensationPaid;
import com.complaintcase.events.complaint.CompensationRejected;
import com.complaintcase.events.complaint.ComplaintClosed;
import com.complaintcase.events.complaint.ComplaintEnteredLate;
import com.complaintcase.events.complaint.ComplaintEscalated;
import com.complaintcase.events.complaint.ComplaintEvent;
import com.complaintcase.events.complaint.ComplaintRegistered;
import com.complaintcase.events.complaint.ComplaintPutOnHold;
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
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.Responsibility;

/**
 * A case's counting facts, folded from its events in order by the {@link CountingRules}: its counting class and
 * responsibility as they stand after the events applied so far. A complaint stays a complaint. Plain Java; its
 * {@link State} is what a projection keeps to carry on folding later.
 */
public final class CaseCounting implements ComplaintEvent.Visitor<Void> {

    /** What the fold remembers between events. */
    public record State(CountingReason complaintBecause, boolean aboveBranch, boolean notAComplaint,
                        Responsibility responsibility, boolean repeat) {
        public static final State NEW = new State(null, false, false, null, false);
    }

    private final CountingRules rules;
    private CountingReason complaintBecause;
    private boolean aboveBranch;
    private boolean notAComplaint;
    private Responsibility responsibility;
    private boolean repeat;

    public CaseCounting(CountingRules rules) {
        this(rules, State.NEW);
    }

    public CaseCounting(CountingRules rules, State state) {
        this.rules = rules;
        this.complaintBecause = state.complaintBecause();
        this.aboveBranch = state.aboveBranch();
        this.notAComplaint = state.notAComplaint();
        this.responsibility = state.responsibility();
        this.repeat = state.repeat();
    }

    public CaseCounting apply(ComplaintEvent event) {
        event.accept(this);
        return this;
    }

    public State state() {
        return new State(complaintBecause, aboveBranch, notAComplaint, responsibility, repeat);
    }

    /** Complaint rules first (they stick), then a review that found no complaint, then handling above the branch. */
    public CountingClass countingClass() {
        if (complaintBecause != null) {
            return CountingClass.COMPLAINT;
        }
        if (notAComplaint) {
            return CountingClass.NOT_COUNTED;
        }
        return aboveBranch ? CountingClass.INQUIRY : CountingClass.NOT_COUNTED;
    }

    public CountedResponsibility responsibility() {
        return CountedResponsibility.of(responsibility);
    }

    /** Why the case is a complaint, or null while it is not. */
    public CountingReason complaintBecause() {
        return complaintBecause;
    }

    /** Registered as a repeat complaint, or reopened. */
    public boolean isRepeat() {
        return repeat;
    }

    private void complaint(boolean rule, CountingReason reason) {
        if (rule && complaintBecause == null) {
            complaintBecause = reason;
        }
    }

    private void level(HandlingLevel level) {
        aboveBranch |= rules.handledAboveTheBranch(level);
    }

    @Override
    public Void on(ComplaintRegistered e) {
        complaint(rules.arrivedThroughOutsideChannel(e), CountingReason.OUTSIDE_CHANNEL);
        complaint(rules.skippedALevel(e), CountingReason.SKIPPED_LEVEL);
        level(e.level());
        return null;
    }

    @Override
    public Void on(ComplaintEnteredLate e) {
        complaint(rules.isOverdue(e), CountingReason.OVERDUE);
        return null;
    }

    @Override
    public Void on(ComplaintReviewed e) {
        notAComplaint = rules.foundNotAComplaint(e);
        level(e.handlingLevel());
        return null;
    }

    @Override
    public Void on(ComplaintEscalated e) {
        boolean repeatComplaint = rules.isRepeatComplaint(e);
        repeat |= repeatComplaint;
        complaint(repeatComplaint, CountingReason.REPEAT_COMPLAINT);
        level(e.toLevel());
        return null;
    }

    @Override
    public Void on(ComplaintReopened e) {
        boolean repeatComplaint = rules.isRepeatComplaint(e);
        repeat |= repeatComplaint;
        complaint(repeatComplaint, CountingReason.REPEAT_COMPLAINT);
        return null;
    }

    @Override
    public Void on(DeadlineBreached e) {
        complaint(rules.isOverdue(e), CountingReason.OVERDUE);
        return null;
    }

    @Override
    public Void on(FindingsRecorded e) {
        responsibility = e.responsibility();
        return null;
    }

    @Override
    public Void on(HandlerAssigned e) {
        return null;
    }

    @Override
    public Void on(ComplaintTransferred e) {
        return null;
    }

    @Override
    public Void on(CustomerContacted e) {
        return null;
    }

    @Override
    public Void on(EvidenceAttached e) {
        return null;
    }

    @Override
    public Void on(ResolutionProposed e) {
        return null;
    }

    @Override
    public Void on(CompensationApproved e) {
        return null;
    }

    @Override
    public Void on(CompensationRejected e) {
        return null;
    }

    @Override
    public Void on(ResolutionAccepted e) {
        return null;
    }

    @Override
    public Void on(ResolutionRejected e) {
        return null;
    }

    @Override
    public Void on(CompensationPaid e) {
        return null;
    }

    @Override
    public Void on(FeedbackRecorded e) {
        return null;
    }

    @Override
    public Void on(ComplaintClosed e) {
        return null;
    }

    @Override
    public Void on(ComplaintWithdrawn e) {
        return null;
    }

    @Override
    public Void on(ComplaintPutOnHold e) {
        return null;
    }

    @Override
    public Void on(ComplaintResumed e) {
        return null;
    }

    @Override
    public Void on(DeadlineExtended e) {
        return null;
    }

    @Override
    public Void on(DeadlineMet e) {
        return null;
    }
}
