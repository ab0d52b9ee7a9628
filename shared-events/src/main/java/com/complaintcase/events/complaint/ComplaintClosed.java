package com.complaintcase.events.complaint;

import com.complaintcase.values.Actor;
import com.complaintcase.values.ComplaintId;

/** The resolved case was closed. */
public record ComplaintClosed(
        ComplaintId complaintId,
        String note,
        Actor by) implements ComplaintEvent {

    @Override
    public <R> R accept(ComplaintEvent.Visitor<R> visitor) {
        return visitor.on(this);
    }
}
