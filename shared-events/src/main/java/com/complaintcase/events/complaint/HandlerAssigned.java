package com.complaintcase.events.complaint;

import com.complaintcase.values.Actor;
import com.complaintcase.values.ComplaintId;
import org.axonframework.serialization.Revision;

/** A handler (专员) was assigned; {@code previousHandlerId} is set on a reassignment. */
@Revision("1")
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
