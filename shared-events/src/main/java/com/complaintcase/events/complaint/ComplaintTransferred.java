package com.complaintcase.events.complaint;

import com.complaintcase.values.Actor;
import com.complaintcase.values.BranchCode;
import com.complaintcase.values.ComplaintId;

/** The case was forwarded to another unit, which now owns it and must assign a handler. */
public record ComplaintTransferred(
        ComplaintId complaintId,
        BranchCode fromUnit,
        BranchCode toUnit,
        String reason,
        String previousHandlerId,
        Actor by) implements ComplaintEvent {

    @Override
    public <R> R accept(ComplaintEvent.Visitor<R> visitor) {
        return visitor.on(this);
    }
}
