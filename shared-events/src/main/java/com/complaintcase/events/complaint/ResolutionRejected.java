package com.complaintcase.events.complaint;

import com.complaintcase.values.Actor;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.PersonalData;

/** The customer rejected the proposed resolution; the case is back in progress. */
public record ResolutionRejected(
        ComplaintId complaintId,
        @PersonalData String comment,
        Actor by) implements ComplaintEvent {

    @Override
    public <R> R accept(ComplaintEvent.Visitor<R> visitor) {
        return visitor.on(this);
    }
}
