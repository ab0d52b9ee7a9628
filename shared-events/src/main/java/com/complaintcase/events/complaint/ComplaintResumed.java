package com.complaintcase.events.complaint;

import com.complaintcase.values.Actor;
import com.complaintcase.values.ComplaintId;
import org.axonframework.serialization.Revision;

/** Handling of a case on hold goes on; the note (a staff note, optional) must not name the customer. */
@Revision("1")
public record ComplaintResumed(
        ComplaintId complaintId,
        String note,
        Actor by) implements ComplaintEvent {

    @Override
    public <R> R accept(ComplaintEvent.Visitor<R> visitor) {
        return visitor.on(this);
    }
}
