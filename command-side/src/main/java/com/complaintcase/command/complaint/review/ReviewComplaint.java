package com.complaintcase.command.complaint.review;

import com.complaintcase.command.complaint.ComplaintCommand;
import com.complaintcase.values.Actor;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.ReviewOutcome;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Initial review: a complaint or not, which business line owns it, which level handles it. */
public record ReviewComplaint(
        @TargetAggregateIdentifier ComplaintId complaintId,
        @TargetAggregateVersion Long expectedVersion,
        Actor actor,
        ReviewOutcome outcome,
        String businessLine,
        HandlingLevel handlingLevel,
        String note,
        String product) implements ComplaintCommand {

    /** A review that leaves the product as registered. */
    public ReviewComplaint(ComplaintId complaintId, Long expectedVersion, Actor actor, ReviewOutcome outcome,
                           String businessLine, HandlingLevel handlingLevel, String note) {
        this(complaintId, expectedVersion, actor, outcome, businessLine, handlingLevel, note, null);
    }
}
