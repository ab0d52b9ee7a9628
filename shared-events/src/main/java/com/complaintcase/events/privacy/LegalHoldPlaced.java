package com.complaintcase.events.privacy;

import com.complaintcase.values.Actor;
import com.complaintcase.values.CustomerId;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A legal hold was placed on the customer's data: nothing of it may be erased until the hold is released. */
@Revision("1")
public record LegalHoldPlaced(
        CustomerId customerId,
        String reason,
        Instant placedAt,
        Actor by) implements CustomerPrivacyEvent {
}
