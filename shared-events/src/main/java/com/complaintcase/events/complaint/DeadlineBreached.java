package com.complaintcase.events.complaint;

import com.complaintcase.values.Actor;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.SlaClock;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A clock's limit passed while its step was not done: recorded when its deadline fires (by the system), or when the step is done late. */
@Revision("1")
public record DeadlineBreached(
        ComplaintId complaintId,
        SlaClock clock,
        String deadlineId,
        Instant dueAt,
        Instant breachedAt,
        Actor by) implements ComplaintEvent {

    @Override
    public <R> R accept(ComplaintEvent.Visitor<R> visitor) {
        return visitor.on(this);
    }
}
