package com.complaintcase.events.complaint;

import com.complaintcase.values.Actor;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.Money;
import org.axonframework.serialization.Revision;

/** The proposed compensation was refused; the proposal lapses and the case is back in progress. */
@Revision("1")
public record CompensationRejected(
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
