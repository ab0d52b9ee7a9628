package com.complaintcase.events.complaint;

import com.complaintcase.values.Actor;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.SlaClock;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The step a clock was waiting for was done: in time (its scheduled deadline was cancelled), or after
 * the clock's {@link DeadlineBreached} (done late, or reported only after the breach was recorded).
 */
@Revision("1")
public record DeadlineMet(
        ComplaintId complaintId,
        SlaClock clock,
        String deadlineId,
        Instant dueAt,
        Instant metAt,
        Actor by) implements ComplaintEvent {

    @Override
    public <R> R accept(ComplaintEvent.Visitor<R> visitor) {
        return visitor.on(this);
    }
}
