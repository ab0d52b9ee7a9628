package com.complaintcase.events.complaint;

import com.complaintcase.values.Actor;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.PersonalData;
import com.complaintcase.values.Responsibility;
import com.complaintcase.values.Validity;
import org.axonframework.serialization.Revision;

/** The handler determined validity and responsibility. Later findings supersede earlier ones. */
@Revision("1")
public record FindingsRecorded(
        ComplaintId complaintId,
        Validity validity,
        Responsibility responsibility,
        String rootCause,
        @PersonalData String summary,
        Actor by) implements ComplaintEvent {

    @Override
    public <R> R accept(ComplaintEvent.Visitor<R> visitor) {
        return visitor.on(this);
    }
}
