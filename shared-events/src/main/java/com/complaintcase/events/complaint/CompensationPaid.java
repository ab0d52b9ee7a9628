package com.complaintcase.events.complaint;

import com.complaintcase.values.Actor;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.Money;

import java.time.Instant;

/** The approved compensation was paid; the amount actually paid is recorded. */
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
