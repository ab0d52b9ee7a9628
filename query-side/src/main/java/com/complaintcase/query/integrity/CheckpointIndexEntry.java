package com.complaintcase.query.integrity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** That a daily checkpoint covers a case: which checkpoints to read for its verification and export. */
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

    protected CheckpointIndexEntry() {
    }

    CheckpointIndexEntry(String checkpointId, LocalDate day, String caseId) {
        this.id = checkpointId + "/" + caseId;
        this.checkpointId = checkpointId;
        this.day = day;
        this.caseId = caseId;
    }
}
