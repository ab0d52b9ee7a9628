package com.complaintcase.events.complaint;

import com.complaintcase.values.Actor;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.ReviewOutcome;
import org.axonframework.serialization.Revision;

/**
 * The initial review (初步审核): a complaint or not, the owning business line, the handling level; {@code branchReply}
 * the branch's reply clock started for a case accepted at branch level when the pack has one (else null).
 */
@Revision("1")
public record ComplaintReviewed(
        ComplaintId complaintId,
        ReviewOutcome outcome,
        String businessLine,
        HandlingLevel handlingLevel,
        String note,
        Actor by,
        DeadlineSet branchReply) implements ComplaintEvent {

    @Override
    public <R> R accept(ComplaintEvent.Visitor<R> visitor) {
        return visitor.on(this);
    }
}
