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
        DeadlineExtended {

    ComplaintId complaintId();

    Actor by();
}
