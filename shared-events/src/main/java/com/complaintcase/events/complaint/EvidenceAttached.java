package com.complaintcase.events.complaint;

import com.complaintcase.values.Actor;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.EvidenceKind;
import com.complaintcase.values.PersonalData;
import org.axonframework.serialization.Revision;

/** A reference to evidence kept in the bank's archives was attached to the case. */
@Revision("1")
public record EvidenceAttached(
        ComplaintId complaintId,
        EvidenceKind kind,
        String reference,
        @PersonalData String description,
        Actor by) implements ComplaintEvent {

    @Override
    public <R> R accept(ComplaintEvent.Visitor<R> visitor) {
        return visitor.on(this);
    }
}
