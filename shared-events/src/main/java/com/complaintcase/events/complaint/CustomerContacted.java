package com.complaintcase.events.complaint;

import com.complaintcase.values.Actor;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.ContactMethod;
import com.complaintcase.values.PersonalData;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The customer was contacted; {@code firstContact} marks the contact that met the first-contact clock. */
@Revision("1")
public record CustomerContacted(
        ComplaintId complaintId,
        Instant contactedAt,
        ContactMethod method,
        @PersonalData String summary,
        boolean firstContact,
        Actor by) implements ComplaintEvent {

    @Override
    public <R> R accept(ComplaintEvent.Visitor<R> visitor) {
        return visitor.on(this);
    }
}
