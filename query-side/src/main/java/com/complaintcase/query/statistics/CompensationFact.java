package com.complaintcase.query.statistics;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;

/** A compensation proposed, approved or paid, in its own currency, when the event recorded it. */
@Entity
@Table(name = "statistics_compensation", indexes = {
        @Index(name = "ix_statistics_compensation_recorded", columnList = "recorded_at")})
public class CompensationFact {

    public enum Stage { PROPOSED, APPROVED, PAID }

    @Id
    @Column(name = "fact_id", length = 60)
    String factId;

    @Column(name = "complaint_id", length = 36, nullable = false)
    String complaintId;

    @Enumerated(EnumType.STRING)
    @Column(name = "stage", length = 16, nullable = false)
    Stage stage;

    @Column(name = "amount", precision = 19, scale = 4, nullable = false)
    BigDecimal amount;

    @Column(name = "currency", length = 3, nullable = false)
    String currency;

    @Column(name = "recorded_at", nullable = false)
    Instant recordedAt;

    protected CompensationFact() {
    }

    CompensationFact(String complaintId, long sequence, Stage stage, BigDecimal amount, String currency, Instant recordedAt) {
        this.factId = complaintId + ":" + sequence;
        this.complaintId = complaintId;
        this.stage = stage;
        this.amount = amount;
        this.currency = currency;
        this.recordedAt = recordedAt;
    }
}
