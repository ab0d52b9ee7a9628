package com.complaintcase.integrity;

import java.util.Objects;

/** Where a case's chain stood at a checkpoint: its last event's sequence number and hash. One leaf of the tree. */
public record CaseHead(String caseId, long headSequence, String headHash) {

    public CaseHead {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(headHash, "headHash");
        if (headSequence < 0) {
            throw new IllegalArgumentException("a sequence number is never negative: " + headSequence);
        }
    }
}
