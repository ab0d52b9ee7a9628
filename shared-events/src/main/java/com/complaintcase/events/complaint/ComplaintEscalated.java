package com.complaintcase.events.complaint;

import com.complaintcase.values.Actor;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.EscalationReason;
import com.complaintcase.values.HandlingLevel;
import org.axonframework.serialization.Revision;

/** The case went one level up (升级), with the reason; {@code by} is {@code system} for automatic escalation. */
@Revision("1")
public record ComplaintEscalated(
        ComplaintId complaintId,
        HandlingLevel fromLevel,
        HandlingLevel toLevel,
        EscalationReason reason,
        String note,
        Actor by) implements ComplaintEvent {

    @Override
    public <R> R accept(ComplaintEvent.Visitor<R> visitor) {
        return visitor.on(this);
    }
}
