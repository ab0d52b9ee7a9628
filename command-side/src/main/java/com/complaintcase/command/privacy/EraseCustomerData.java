package com.complaintcase.command.privacy;

import com.complaintcase.values.Actor;
import com.complaintcase.values.CustomerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A compliance officer erases a customer's personal data, for the stated reason (e.g. the request's reference). */
public record EraseCustomerData(@TargetAggregateIdentifier CustomerId customerId, String reason, Actor actor) {
}
