package com.complaintcase.command.privacy;

import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.CustomerId;

import java.util.List;

/** What an accepted privacy command answers: the customer, the cases it covered (erasure only), the new version. */
public record PrivacyResult(CustomerId customerId, List<ComplaintId> affectedCases, long version) {

    public PrivacyResult {
        affectedCases = affectedCases == null ? List.of() : List.copyOf(affectedCases);
    }
}
