package com.complaintcase.command.complaint.escalation;

import com.complaintcase.command.complaint.ComplaintCommand;
import com.complaintcase.values.Actor;
import com.complaintcase.values.ComplaintId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Extend the deadline within what the case's policy pack allows; {@code headOfficeApproval}: the head office approved
 * an extension beyond what a supervisor may grant alone (where the pack allows one).
 */
public record ExtendDeadline(
        @TargetAggregateIdentifier ComplaintId complaintId,
        @TargetAggregateVersion Long expectedVersion,
        Actor actor,
        int days,
        String reason,
        boolean headOfficeApproval) implements ComplaintCommand {

    /** An extension a supervisor grants alone. */
    public ExtendDeadline(ComplaintId complaintId, Long expectedVersion, Actor actor, int days, String reason) {
        this(complaintId, expectedVersion, actor, days, reason, false);
    }
}
