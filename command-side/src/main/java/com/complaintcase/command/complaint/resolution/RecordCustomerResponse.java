package com.complaintcase.command.complaint.resolution;

import com.complaintcase.command.complaint.ComplaintCommand;
import com.complaintcase.values.Actor;
import com.complaintcase.values.ComplaintId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Record whether the customer accepted the proposed resolution. */
public record RecordCustomerResponse(
        @TargetAggregateIdentifier ComplaintId complaintId,
        @TargetAggregateVersion Long expectedVersion,
        Actor actor,
        boolean accepted,
        String comment) implements ComplaintCommand {
}
