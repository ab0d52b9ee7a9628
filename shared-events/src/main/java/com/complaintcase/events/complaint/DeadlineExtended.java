package com.complaintcase.events.complaint;

import com.complaintcase.values.Actor;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.SlaClock;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A supervisor extended a clock within what the policy allows; the reason is what the customer is told.
 * The deadline scheduled for the old due time was replaced by {@code deadlineId}.
 */
@Revision("1")
public record DeadlineExtended(
        ComplaintId complaintId,
        SlaClock clock,
        Instant previousDueAt,
        Instant newDueAt,
        int days,
        String reason,
        String previousDeadlineId,
        String deadlineId,
        Actor by) implements ComplaintEvent {

    @Override
    public <R> R accept(ComplaintEvent.Visitor<R> visitor) {
        return visitor.on(this);
    }
}
