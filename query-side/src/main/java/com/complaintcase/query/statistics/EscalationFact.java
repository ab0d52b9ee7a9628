package com.complaintcase.query.statistics;

import com.complaintcase.values.EscalationReason;
import com.complaintcase.values.HandlingLevel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.time.Instant;

/** One escalation of a case: its reason and the level it reached. */
@Entity
@Table(name = "statistics_escalation", indexes = {
        @Index(name = "ix_statistics_escalation_case", columnList = "complaint_id")})
public class EscalationFact {

    @Id
    @Column(name = "fact_id", length = 60)
    String factId;

    @Column(name = "complaint_id", length = 36, nullable = false)
    String complaintId;

    @Column(name = "escalated_at", nullable = false)
    Instant escalatedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "reason", length = 40, nullable = false)
    EscalationReason reason;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_level", length = 32, nullable = false)
    HandlingLevel toLevel;

    protected EscalationFact() {
    }

    EscalationFact(String complaintId, long sequence, Instant escalatedAt, EscalationReason reason, HandlingLevel toLevel) {
        this.factId = complaintId + ":" + sequence;
        this.complaintId = complaintId;
        this.escalatedAt = escalatedAt;
        this.reason = reason;
        this.toLevel = toLevel;
    }
}
