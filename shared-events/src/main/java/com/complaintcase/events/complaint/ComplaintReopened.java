package com.complaintcase.events.complaint;

import com.complaintcase.values.Actor;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.PersonalData;
import org.axonframework.serialization.Revision;

/** The customer complained again about the same matter; the case is in progress again. */
@Revision("1")
public record ComplaintReopened(
        ComplaintId complaintId,
        @PersonalData String reason,
        Actor by) implements ComplaintEvent {

    @Override
    public <R> R accept(ComplaintEvent.Visitor<R> visitor) {
        return visitor.on(this);
    }
}
