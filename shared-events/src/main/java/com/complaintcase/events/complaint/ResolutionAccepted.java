package com.complaintcase.events.complaint;

import com.complaintcase.values.Actor;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.PersonalData;
import org.axonframework.serialization.Revision;

/** The customer accepted the proposed resolution, as recorded by the handler; the case is resolved. */
@Revision("1")
public record ResolutionAccepted(
        ComplaintId complaintId,
        @PersonalData String comment,
        Actor by) implements ComplaintEvent {

    @Override
    public <R> R accept(ComplaintEvent.Visitor<R> visitor) {
        return visitor.on(this);
    }
}
