package com.complaintcase.events.complaint;

import com.complaintcase.values.Actor;
import com.complaintcase.values.ComplaintId;

/**
 * Every fact of a complaint case's life. Sealed, so that a {@code switch} over a case's history is
 * checked by the compiler. Each event names its case and who caused it; the event store adds when
 * it was recorded, and the metadata adds the correlation and causation ids.
 */
public sealed interface ComplaintEvent permits
        ComplaintRegistered,
        ComplaintEnteredLate,
        ComplaintReviewed,
        HandlerAssigned,
        ComplaintTransferred,
        CustomerContacted,
        EvidenceAttached,
        FindingsRecorded,
        ResolutionProposed,
        CompensationApproved,
        CompensationRejected,
        ResolutionAccepted,
        ResolutionRejected,
        CompensationPaid,
        FeedbackRecorded,
        ComplaintClosed,
        ComplaintReopened,
        ComplaintWithdrawn,
        ComplaintEscalated,
        DeadlineExtended,
        DeadlineMet,
        DeadlineBreached,
        ComplaintPutOnHold,
        ComplaintResumed {

    ComplaintId complaintId();

    Actor by();

    /** Hands this event to the visitor's method for its type. */
    <R> R accept(Visitor<R> visitor);

    /**
     * One method per event type: a class that handles a case's events implements it, and the compiler
     * then refuses to build it until it handles every event there is (Java 17 has no pattern switch).
     */
    interface Visitor<R> {

        R on(ComplaintRegistered event);

        R on(ComplaintEnteredLate event);

        R on(ComplaintReviewed event);

        R on(HandlerAssigned event);

        R on(ComplaintTransferred event);

        R on(CustomerContacted event);

        R on(EvidenceAttached event);

        R on(FindingsRecorded event);

        R on(ResolutionProposed event);

        R on(CompensationApproved event);

        R on(CompensationRejected event);

        R on(ResolutionAccepted event);

        R on(ResolutionRejected event);

        R on(CompensationPaid event);

        R on(FeedbackRecorded event);

        R on(ComplaintClosed event);

        R on(ComplaintReopened event);

        R on(ComplaintWithdrawn event);

        R on(ComplaintEscalated event);

        R on(DeadlineExtended event);

        R on(DeadlineMet event);

        R on(DeadlineBreached event);

        R on(ComplaintPutOnHold event);

        R on(ComplaintResumed event);
    }
}
