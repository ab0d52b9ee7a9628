package com.complaintcase.events.complaint;

import com.complaintcase.values.Actor;
import com.complaintcase.values.BranchCode;
import com.complaintcase.values.Category;
import com.complaintcase.values.Channel;
import com.complaintcase.values.ComplaintFlags;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.Customer;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.PersonalData;
import com.complaintcase.values.RequestedRemedy;
import com.complaintcase.values.RootIssue;
import com.complaintcase.values.Subcategory;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A complaint was entered into the system (投诉登记). {@code by} is the first responder (首问负责人),
 * who owns the case until it is handed over. {@code requestFingerprint} identifies the registration
 * request so that a resent request is recognised as the same one.
 */
@Revision("1")
public record ComplaintRegistered(
        ComplaintId complaintId,
        Instant receivedAt,
        Instant registeredAt,
        Channel channel,
        BranchCode branchCode,
        Customer customer,
        Category category,
        Subcategory subcategory,
        RootIssue rootIssue,
        @PersonalData String description,
        RequestedRemedy requestedRemedy,
        ComplaintFlags flags,
        HandlingLevel level,
        AppliedPolicy policy,
        List<DeadlineSet> deadlines,
        String requestFingerprint,
        Actor by) implements ComplaintEvent {

    public ComplaintRegistered {
        deadlines = deadlines == null ? List.of() : List.copyOf(deadlines);
    }

    @Override
    public <R> R accept(ComplaintEvent.Visitor<R> visitor) {
        return visitor.on(this);
    }
}
