package com.complaintcase.command.privacy;

import com.complaintcase.values.Actor;
import com.complaintcase.values.CustomerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A compliance officer releases the legal hold on a customer's data. */
public record ReleaseLegalHold(@TargetAggregateIdentifier CustomerId customerId, String reason, Actor actor) {
}
