package com.complaintcase.query.integrity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/**
 * That a checkpoint covers a case: which checkpoints to read for its verification and export. Entries made before
 * checkpoint periods were configurable have no period start: their checkpoints are daily.
 */
@Entity
@Table(name = "integrity_checkpoint_case",
        indexes = @Index(name = "ix_integrity_checkpoint_case", columnList = "case_id, checkpoint_day"))
public class CheckpointIndexEntry {

    @Id
    @Column(name = "id", length = 128)
    String id;

    @Column(name = "case_id", length = 64, nullable = false)
    String caseId;

    @Column(name = "checkpoint_day", nullable = false)
    LocalDate day;

    @Column(name = "checkpoint_id", length = 64, nullable = false)
    String checkpointId;

    @Column(name = "period_start")
    Instant periodStart;

    protected CheckpointIndexEntry() {
    }

    CheckpointIndexEntry(String checkpointId, LocalDate day, Instant periodStart, String caseId) {
        this.id = checkpointId + "/" + caseId;
        this.checkpointId = checkpointId;
        this.day = day;
        this.periodStart = periodStart;
        this.caseId = caseId;
    }
}
