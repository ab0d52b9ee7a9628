package com.complaintcase.events.privacy;

import com.complaintcase.values.Actor;
import com.complaintcase.values.CustomerId;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The legal hold on the customer's data was released; erasure is possible again under the retention rules. */
@Revision("1")
public record LegalHoldReleased(
        CustomerId customerId,
        String reason,
        Instant releasedAt,
        Actor by) implements CustomerPrivacyEvent {
}
