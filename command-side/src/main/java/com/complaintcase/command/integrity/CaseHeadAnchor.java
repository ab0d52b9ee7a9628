package com.complaintcase.command.integrity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A case's latest chain head, written in the transaction that appends its events: the store's newest event of the
 * case must be this one. Whoever can delete events can delete this row too; the checkpoints remain the proof.
 */
@Entity
@Table(name = "case_head")
public class CaseHeadAnchor {

    @Id
    @Column(name = "complaint_id", length = 64)
    String complaintId;

    @Column(name = "head_sequence", nullable = false)
    long headSequence;

    @Column(name = "head_hash", length = 64, nullable = false)
    String headHash;

    protected CaseHeadAnchor() {
    }

    CaseHeadAnchor(String complaintId, long headSequence, String headHash) {
        this.complaintId = complaintId;
        this.headSequence = headSequence;
        this.headHash = headHash;
    }


    long headSequence() {
        return headSequence;
    }

    String headHash() {
        return headHash;
    }
}
