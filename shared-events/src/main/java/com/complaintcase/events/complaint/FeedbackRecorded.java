package com.complaintcase.events.complaint;

import com.complaintcase.values.Actor;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.PersonalData;
import com.complaintcase.values.SatisfactionScore;

/** The customer's satisfaction survey answer after resolution. */
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
