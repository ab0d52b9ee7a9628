package com.complaintcase.command.complaint.handling;

import com.complaintcase.command.complaint.ComplaintCommand;
import com.complaintcase.values.Actor;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.Responsibility;
import com.complaintcase.values.Validity;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Record the investigation's findings: validity and responsibility. */
public record RecordFindings(
        @TargetAggregateIdentifier ComplaintId complaintId,
        @TargetAggregateVersion Long expectedVersion,
        Actor actor,
        Validity validity,
        Responsibility responsibility,
        String rootCause,
        String summary) implements ComplaintCommand {
}
