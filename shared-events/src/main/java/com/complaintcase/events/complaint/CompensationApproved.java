package com.complaintcase.events.complaint;

import com.complaintcase.values.Actor;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.Money;
import org.axonframework.serialization.Revision;

/** A supervisor other than the proposer and the handler approved the proposed compensation (four eyes). */
@Revision("1")
public record CompensationApproved(
        ComplaintId complaintId,
        Money amount,
        String proposedBy,
        String note,
        Actor by) implements ComplaintEvent {

    @Override
    public <R> R accept(ComplaintEvent.Visitor<R> visitor) {
        return visitor.on(this);
    }
}
