package com.complaintcase.command.complaint.handling;

import com.complaintcase.command.complaint.ComplaintCommand;
import com.complaintcase.values.Actor;
import com.complaintcase.values.ComplaintId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Handling waits, for the reason given (a staff note: it must not name the customer). */
public record PutComplaintOnHold(
        @TargetAggregateIdentifier ComplaintId complaintId,
        @TargetAggregateVersion Long expectedVersion,
        Actor actor,
        String reason) implements ComplaintCommand {
}
