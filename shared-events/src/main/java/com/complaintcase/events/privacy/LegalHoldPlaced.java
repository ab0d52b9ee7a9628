package com.complaintcase.events.privacy;

import com.complaintcase.values.Actor;
import com.complaintcase.values.CustomerId;

import java.time.Instant;

/** A legal hold was placed on the customer's data: nothing of it may be erased until the hold is released. */
public record LegalHoldPlaced(
        CustomerId customerId,
        String reason,
        Instant placedAt,
        Actor by) implements CustomerPrivacyEvent {
}
