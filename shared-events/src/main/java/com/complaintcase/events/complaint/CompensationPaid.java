package com.complaintcase.events.complaint;

import com.complaintcase.values.Actor;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.Money;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The approved compensation was paid; the amount actually paid is recorded. */
@Revision("1")
public record CompensationPaid(
        ComplaintId complaintId,
        Money amount,
        Instant paidAt,
        String paymentReference,
        Actor by) implements ComplaintEvent {

    @Override
    public <R> R accept(ComplaintEvent.Visitor<R> visitor) {
        return visitor.on(this);
    }
}
