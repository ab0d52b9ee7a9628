package com.complaintcase.events.complaint;

import com.complaintcase.values.Actor;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.PersonalData;
import com.complaintcase.values.SatisfactionScore;
import org.axonframework.serialization.Revision;

/** The customer's satisfaction survey answer after resolution. */
@Revision("1")
public record FeedbackRecorded(
        ComplaintId complaintId,
        SatisfactionScore score,
        @PersonalData String comment,
        Actor by) implements ComplaintEvent {

    @Override
    public <R> R accept(ComplaintEvent.Visitor<R> visitor) {
        return visitor.on(this);
    }
}
