package com.complaintcase.events.complaint;

import com.complaintcase.values.Actor;
import com.complaintcase.values.ComplaintId;
import org.axonframework.serialization.Revision;

/** The resolved case was closed. */
@Revision("1")
public record ComplaintClosed(
        ComplaintId complaintId,
        String note,
        Actor by) implements ComplaintEvent {

    @Override
    public <R> R accept(ComplaintEvent.Visitor<R> visitor) {
        return visitor.on(this);
    }
}
