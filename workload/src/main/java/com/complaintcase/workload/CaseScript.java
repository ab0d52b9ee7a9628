package com.complaintcase.workload;

import com.complaintcase.values.BranchCode;
import com.complaintcase.values.Category;
import com.complaintcase.values.Channel;
import com.complaintcase.values.ComplaintFlags;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.Customer;
import com.complaintcase.values.RequestedRemedy;
import com.complaintcase.values.RootIssue;
import com.complaintcase.values.Subcategory;

import java.time.Duration;

/**
 * One generated complaint: what the registration says, how long before registration it was received
 * ({@code receivedBefore}; beyond the 24-hour entry limit it comes with a {@code lateEntryReason}), and its life.
 * {@code repeatOf} is the index of the earlier case of the same customer about the same matter (-1 for none);
 * {@code incidentCode} in the flags groups the complaints of one incident.
 */
public record CaseScript(
        int index,
        ComplaintId complaintId,
        Duration receivedBefore,
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
        int repeatOf,
        Life life) {
}
