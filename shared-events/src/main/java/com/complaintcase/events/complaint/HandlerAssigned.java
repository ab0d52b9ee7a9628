package com.complaintcase.events.complaint;

import com.complaintcase.values.Actor;
import com.complaintcase.values.ComplaintId;

/** A handler (专员) was assigned; {@code previousHandlerId} is set on a reassignment. */
public record HandlerAssigned(
        ComplaintId complaintId,
        String handlerId,
        String previousHandlerId,
        Actor by) implements ComplaintEvent {

    @Override
    public <R> R accept(ComplaintEvent.Visitor<R> visitor) {
        return visitor.on(this);
    }
}
