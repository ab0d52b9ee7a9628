package com.complaintcase.events.complaint;

import com.complaintcase.values.Actor;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.Money;
import com.complaintcase.values.PersonalData;
import org.axonframework.serialization.Revision;

/** A resolution was proposed; a compensation amount, if any, still needs a second person's approval. */
@Revision("1")
public record ResolutionProposed(
        ComplaintId complaintId,
        @PersonalData String summary,
        Money compensation,
        Actor by) implements ComplaintEvent {

    @Override
    public <R> R accept(ComplaintEvent.Visitor<R> visitor) {
        return visitor.on(this);
    }
}
