package com.complaintcase.events.complaint;

import com.complaintcase.values.Actor;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.ReviewOutcome;
import org.axonframework.serialization.Revision;

/**
 * The initial review (初步审核): a complaint or not, the owning business line, the handling level; {@code branchReply}
 * the branch's reply clock started for a case accepted at branch level when the pack has one (else null);
 * {@code product} the product from the catalogue when the review corrects or first names the case's product (else
 * null: the registration's stands). Revision 2 added {@code product}; older reviews are upcast with it null.
 */
@Revision("2")
public record ComplaintReviewed(
        ComplaintId complaintId,
        ReviewOutcome outcome,
        String businessLine,
        HandlingLevel handlingLevel,
        String note,
        Actor by,
        DeadlineSet branchReply,
        String product) implements ComplaintEvent {

    /** A review that leaves the product as registered. */
    public ComplaintReviewed(ComplaintId complaintId, ReviewOutcome outcome, String businessLine,
                             HandlingLevel handlingLevel, String note, Actor by, DeadlineSet branchReply) {
        this(complaintId, outcome, businessLine, handlingLevel, note, by, branchReply, null);
    }

    @Override
    public <R> R accept(ComplaintEvent.Visitor<R> visitor) {
        return visitor.on(this);
    }
}
