package com.complaintcase.query.integrity;

import com.complaintcase.integrity.ChainVerdict;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The answer of {@code GET /api/cases/{id}/verification}: VALID, or BROKEN with the first bad sequence number and
 * the kind of break; how many events were checked and the head reached; the checkpoint compared against, if any.
 */
public record CaseVerification(String caseId, String status, long eventsChecked, Long headSequence, String headHash,
                               Break breakAt, Checkpoint checkpoint, Instant checkedAt) {

    public record Break(long sequence, String kind, String detail) {
    }

    /** {@code day}: the day the checkpoint's period starts on; the period ends before {@code periodEnd}. */
    public record Checkpoint(LocalDate day, Instant periodStart, Instant periodEnd, long headSequence, String headHash,
                             String merkleRoot) {
    }

    /** Verify one case. */
    public record Check(String caseId) {
    }

    static CaseVerification of(String caseId, ChainVerdict verdict, Checkpoint checkpoint, Instant checkedAt) {
        Break breakAt = verdict.breakAt() == null ? null : new Break(verdict.breakAt().sequence(),
                verdict.breakAt().kind().name(), verdict.breakAt().detail());
        return new CaseVerification(caseId, verdict.status().name(), verdict.eventsChecked(),
                verdict.headSequence() < 0 ? null : verdict.headSequence(), verdict.headHash(), breakAt, checkpoint,
                checkedAt);
    }
}
