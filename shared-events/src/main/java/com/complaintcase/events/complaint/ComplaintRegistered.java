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
 * request so that a resent request is recognised as the same one. {@code product} is the code of the bank's product
 * the complaint is about, from the product catalogue ({@link #UNKNOWN_PRODUCT} when the bank did not say; events
 * recorded before revision 2 are upcast to it).
 */
@Revision("2")
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
        Actor by,
        String product) implements ComplaintEvent {

    /** The product of a case whose product the bank did not give, and of every case registered before revision 2. */
    public static final String UNKNOWN_PRODUCT = "UNKNOWN";

    public ComplaintRegistered {
        deadlines = deadlines == null ? List.of() : List.copyOf(deadlines);
        product = product == null || product.isBlank() ? UNKNOWN_PRODUCT : product;
    }

    /** A registration without a known product. */
    public ComplaintRegistered(ComplaintId complaintId, Instant receivedAt, Instant registeredAt, Channel channel,
                               BranchCode branchCode, Customer customer, Category category, Subcategory subcategory,
                               RootIssue rootIssue, String description, RequestedRemedy requestedRemedy,
                               ComplaintFlags flags, HandlingLevel level, AppliedPolicy policy,
                               List<DeadlineSet> deadlines, String requestFingerprint, Actor by) {
        this(complaintId, receivedAt, registeredAt, channel, branchCode, customer, category, subcategory, rootIssue,
                description, requestedRemedy, flags, level, policy, deadlines, requestFingerprint, by, null);
    }

    @Override
    public <R> R accept(ComplaintEvent.Visitor<R> visitor) {
        return visitor.on(this);
    }
}
