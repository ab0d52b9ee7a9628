package com.complaintcase.command.complaint.handling;

import com.complaintcase.command.complaint.ComplaintCommand;
import com.complaintcase.values.Actor;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.BranchCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Forward the case to another unit. */
public record TransferComplaint(
        @TargetAggregateIdentifier ComplaintId complaintId,
        @TargetAggregateVersion Long expectedVersion,
        Actor actor,
        BranchCode toUnit,
        String reason) implements ComplaintCommand {
}
