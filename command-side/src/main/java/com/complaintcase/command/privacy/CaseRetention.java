package com.complaintcase.command.privacy;

import com.complaintcase.values.ComplaintId;

import java.time.Instant;

/**
 * What erasure needs to know of one of the customer's cases: the jurisdiction whose retention period applies (that
 * of its policy pack) and when it was finished (closed or withdrawn; null while it is not).
 */
public record CaseRetention(ComplaintId complaintId, String jurisdiction, Instant finishedAt) {

    public boolean isFinished() {
        return finishedAt != null;
    }
}
