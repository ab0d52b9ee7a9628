package com.complaintcase.events.complaint;

import com.complaintcase.values.Actor;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.PersonalData;
import org.axonframework.serialization.Revision;

/** The customer rejected the proposed resolution; the case is back in progress. */
@Revision("1")
public record ResolutionRejected(
        ComplaintId complaintId,
        @PersonalData String comment,
        Actor by) implements ComplaintEvent {

    @Override
    public <R> R accept(ComplaintEvent.Visitor<R> visitor) {
        return visitor.on(this);
    }
}
