package com.complaintcase.command.complaint.registration;

import com.complaintcase.values.Actor;
import com.complaintcase.values.BranchCode;
import com.complaintcase.values.Category;
import com.complaintcase.values.Channel;
import com.complaintcase.values.ComplaintFlags;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.Customer;
import com.complaintcase.values.RequestedRemedy;
import com.complaintcase.values.RootIssue;
import com.complaintcase.values.Subcategory;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Register a complaint. The id is the client's choice (or generated at the edge); sending the same
 * registration again is answered with the original result, a different one under the same id is refused.
 */
public record RegisterComplaint(
        @TargetAggregateIdentifier ComplaintId complaintId,
        Instant receivedAt,
        Channel channel,
        BranchCode branchCode,
        Customer customer,
        Category category,
        Subcategory subcategory,
        RootIssue rootIssue,
        String description,
        RequestedRemedy requestedRemedy,
        ComplaintFlags flags,
        String lateEntryReason,
        Actor actor,
        String product) {

    public RegisterComplaint {
        flags = flags == null ? ComplaintFlags.NONE : flags;
    }

    /** A registration that does not name the product (recorded as the unknown product). */
    public RegisterComplaint(ComplaintId complaintId, Instant receivedAt, Channel channel, BranchCode branchCode,
                             Customer customer, Category category, Subcategory subcategory, RootIssue rootIssue,
                             String description, RequestedRemedy requestedRemedy, ComplaintFlags flags,
                             String lateEntryReason, Actor actor) {
        this(complaintId, receivedAt, channel, branchCode, customer, category, subcategory, rootIssue, description,
                requestedRemedy, flags, lateEntryReason, actor, null);
    }

    /** SHA-256 over what the customer's complaint says, salted with the id; independent of who sends it. */
    public String fingerprint() {
        String canonical = String.join("\u001f",
                complaintId.value(), String.valueOf(receivedAt), String.valueOf(channel), String.valueOf(branchCode),
                String.valueOf(customer), String.valueOf(category), String.valueOf(subcategory),
                String.valueOf(rootIssue), String.valueOf(description), String.valueOf(requestedRemedy),
                String.valueOf(flags), String.valueOf(lateEntryReason))
                + (product == null ? "" : "\u001f" + product);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
