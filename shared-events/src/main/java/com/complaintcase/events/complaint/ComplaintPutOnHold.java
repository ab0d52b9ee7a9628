package com.complaintcase.events.complaint;

import com.complaintcase.values.Actor;
import com.complaintcase.values.ComplaintId;
import org.axonframework.serialization.Revision;

/**
 * Handling of the case waits (for the customer's documents, a third party), with the reason: a staff note that must
 * not name the customer. No clock is paused by it unless the case's policy pack says so (none of the shipped packs do).
 */
@Revision("1")
public record ComplaintPutOnHold(
        ComplaintId complaintId,
        String reason,
        Actor by) implements ComplaintEvent {

    @Override
    public <R> R accept(ComplaintEvent.Visitor<R> visitor) {
        return visitor.on(this);
    }
}
