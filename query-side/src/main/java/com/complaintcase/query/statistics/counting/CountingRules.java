package com.complaintcase.query.statistics.counting;

import com.complaintcase.events.complaint.ComplaintEnteredLate;
import com.complaintcase.events.complaint.ComplaintEscalated;
import com.complaintcase.events.complaint.ComplaintRegistered;
import com.complaintcase.events.complaint.ComplaintReopened;
import com.complaintcase.events.complaint.ComplaintReviewed;
import com.complaintcase.events.complaint.DeadlineBreached;
import com.complaintcase.values.EscalationReason;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.ReviewOutcome;
import com.complaintcase.values.Role;
import com.complaintcase.values.SlaClock;

import java.util.EnumSet;
import java.util.Set;

/**
 * The statistics counting rules of the go-live plan (domain brief, section 8), one named rule a fact. Plain Java
 * over the case's events, so that the same rules serve projections, reports and tests.
 *
 * @param lapsingClocks clocks whose passing is not an overdue case: the limit lapses, the case goes on normally
 *                      (by default the FCA's summary resolution, which only decides the form of the final answer)
 */
public record CountingRules(Set<SlaClock> lapsingClocks) {

    public static final CountingRules DEFAULT = new CountingRules(EnumSet.of(SlaClock.SUMMARY_RESOLUTION));

    public CountingRules {
        lapsingClocks = lapsingClocks == null || lapsingClocks.isEmpty() ? Set.of() : Set.copyOf(lapsingClocks);
    }

    /** Forwarded by the regulator, an association or the media: a complaint whatever its outcome. */
    public boolean arrivedThroughOutsideChannel(ComplaintRegistered registration) {
        return registration.channel().isOutside();
    }

    /** The customer skipped a level (越级投诉): weighs as an outside channel. */
    public boolean skippedALevel(ComplaintRegistered registration) {
        return registration.flags() != null && registration.flags().skippedLevel();
    }

    /**
     * A repeat complaint found at registration: the system's escalation names it as its reason, or, when an earlier
     * reason in the order took precedence, in the note that lists every reason.
     */
    public boolean isRepeatComplaint(ComplaintEscalated escalation) {
        return escalation.reason() == EscalationReason.REPEAT_COMPLAINT
                || escalation.by().is(Role.SYSTEM) && escalation.note() != null
                && escalation.note().contains(EscalationReason.REPEAT_COMPLAINT.name());
    }

    /** The customer complained again about the same matter after its handling: a repeat complaint. */
    public boolean isRepeatComplaint(ComplaintReopened reopening) {
        return reopening != null;
    }

    /** Entered into the system after the entry limit: overdue from the start. */
    public boolean isOverdue(ComplaintEnteredLate lateEntry) {
        return lateEntry != null;
    }

    /** A clock's limit passed with its step not done (a lapsing clock excepted). */
    public boolean isOverdue(DeadlineBreached breach) {
        return !lapsingClocks.contains(breach.clock());
    }

    /** Registered, reviewed or escalated to a level above the branch: no longer handled at the branch. */
    public boolean handledAboveTheBranch(HandlingLevel level) {
        return level != null && level != HandlingLevel.BRANCH;
    }

    /** The initial review found it is not a complaint (an inquiry handled on the spot). */
    public boolean foundNotAComplaint(ComplaintReviewed review) {
        return review.outcome() != ReviewOutcome.ACCEPTED;
    }
}
