package com.complaintcase.benchpeer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;

/** Register a complaint: its id and the request's fields as they came. */
public record RegisterComplaint(@TargetAggregateIdentifier String complaintId, Map<String, Object> complaint) {
}
