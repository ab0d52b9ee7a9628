package com.complaintcase.events.complaint;

import com.complaintcase.values.Actor;
import com.complaintcase.values.ComplaintId;

import org.axonframework.serialization.Revision;

import java.time.Duration;
import java.time.Instant;

/** The complaint was entered later than the entry limit after receipt, with the reason given. */
@Revision("1")
public record ComplaintEnteredLate(
        ComplaintId complaintId,
        Instant receivedAt,
        Instant registeredAt,
        Duration entryLimit,
        Duration lateBy,
        String reason,
        Actor by) implements ComplaintEvent {

    @Override
    public <R> R accept(ComplaintEvent.Visitor<R> visitor) {
        return visitor.on(this);
    }
}
