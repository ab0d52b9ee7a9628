package com.complaintcase.events.complaint;

import com.complaintcase.values.Actor;
import com.complaintcase.values.BranchCode;
import com.complaintcase.values.ComplaintId;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The case was forwarded to another unit, which now owns it and must assign a handler; {@code transferredAt} the
 * moment of the transfer, {@code startWork} the receiving unit's start-work clock when the pack has one (else null).
 */
@Revision("1")
public record ComplaintTransferred(
        ComplaintId complaintId,
        BranchCode fromUnit,
        BranchCode toUnit,
        String reason,
        String previousHandlerId,
        Actor by,
        Instant transferredAt,
        DeadlineSet startWork) implements ComplaintEvent {

    @Override
    public <R> R accept(ComplaintEvent.Visitor<R> visitor) {
        return visitor.on(this);
    }
}
