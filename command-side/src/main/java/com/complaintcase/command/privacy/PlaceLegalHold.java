package com.complaintcase.command.privacy;

import com.complaintcase.values.Actor;
import com.complaintcase.values.CustomerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A compliance officer places a legal hold on a customer's data (e.g. litigation, a regulator's inquiry). */
public record PlaceLegalHold(@TargetAggregateIdentifier CustomerId customerId, String reason, Actor actor) {
}
