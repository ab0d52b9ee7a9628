package com.complaintcase.query.statistics;

import com.complaintcase.values.SlaClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A clock of a case that ended: met in time, or breached. Keyed by case, clock and due time, so the first ending
 * counts: a clock breached and met late stays breached. A clock stopped (case closed, withdrawn, not a complaint,
 * taken above the branch) never ended.
 */
@Entity
@Table(name = "statistics_clock", indexes = {@Index(name = "ix_statistics_clock_ended", columnList = "ended_at")})
public class ClockEnding {

    @Id
    @Column(name = "fact_id", length = 120)
    String factId;

    @Column(name = "complaint_id", length = 36, nullable = false)
    String complaintId;

    @Enumerated(EnumType.STRING)
    @Column(name = "clock", length = 40, nullable = false)
    SlaClock clock;

    @Column(name = "due_at", nullable = false)
    Instant dueAt;

    @Column(name = "ended_at", nullable = false)
    Instant endedAt;

    @Column(name = "met_in_time", nullable = false)
    boolean metInTime;

    protected ClockEnding() {
    }

    ClockEnding(String complaintId, SlaClock clock, Instant dueAt, Instant endedAt, boolean metInTime) {
        this.factId = id(complaintId, clock, dueAt);
        this.complaintId = complaintId;
        this.clock = clock;
        this.dueAt = dueAt;
        this.endedAt = endedAt;
        this.metInTime = metInTime;
    }

    static String id(String complaintId, SlaClock clock, Instant dueAt) {
        return complaintId + ":" + clock + ":" + dueAt.toEpochMilli();
    }
}
