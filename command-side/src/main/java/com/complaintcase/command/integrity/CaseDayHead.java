package com.complaintcase.command.integrity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.time.LocalDate;

/**
 * A case changed on a day, with its chain head at the end of that day so far: what the day's checkpoint records.
 * Rows of a day are removed once its checkpoint is recorded.
 */
@Entity
@Table(name = "integrity_case_day", indexes = @Index(name = "ix_integrity_case_day_day", columnList = "change_day, case_id"))
public class CaseDayHead {

    @Id
    @Column(name = "id", length = 64)
    String id;

    @Column(name = "change_day", nullable = false)
    LocalDate day;

    @Column(name = "case_id", length = 64, nullable = false)
    String caseId;

    @Column(name = "head_sequence", nullable = false)
    long headSequence;

    @Column(name = "head_hash", length = 64, nullable = false)
    String headHash;

    protected CaseDayHead() {
    }

    CaseDayHead(LocalDate day, String caseId, long headSequence, String headHash) {
        this.id = idOf(day, caseId);
        this.day = day;
        this.caseId = caseId;
        this.headSequence = headSequence;
        this.headHash = headHash;
    }

    static String idOf(LocalDate day, String caseId) {
        return day + "/" + caseId;
    }

    /** Moves the head forward; an event seen again (an older sequence) changes nothing. */
    void movedTo(long sequence, String hash) {
        if (sequence > headSequence) {
            headSequence = sequence;
            headHash = hash;
        }
    }
}
