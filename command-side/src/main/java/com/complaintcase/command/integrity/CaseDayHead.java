package com.complaintcase.command.integrity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A case changed in a checkpoint period, with its chain head at the end of that period so far: what the period's
 * checkpoint records. Rows of a period are removed once its checkpoint is recorded. Rows kept before periods were
 * configurable have no period: theirs is their day.
 */
@Entity
@Table(name = "integrity_case_day", indexes = {
        @Index(name = "ix_integrity_case_day_day", columnList = "change_day, case_id"),
        @Index(name = "ix_integrity_case_day_period", columnList = "period_start, case_id")})
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

    @Column(name = "period_start")
    Instant periodStart;

    @Column(name = "period_end")
    Instant periodEnd;

    protected CaseDayHead() {
    }

    CaseDayHead(CheckpointPeriod period, LocalDate day, String caseId, long headSequence, String headHash) {
        this.id = idOf(period, caseId);
        this.periodStart = period.start();
        this.periodEnd = period.end();
        this.day = day;
        this.caseId = caseId;
        this.headSequence = headSequence;
        this.headHash = headHash;
    }

    static String idOf(CheckpointPeriod period, String caseId) {
        return period.start() + "/" + caseId;
    }

    CheckpointPeriod period(CheckpointPeriods periods) {
        return periodStart == null ? periods.wholeDay(day) : new CheckpointPeriod(periodStart, periodEnd);
    }

}
