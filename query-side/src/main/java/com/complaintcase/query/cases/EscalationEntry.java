package com.complaintcase.query.cases;

import com.complaintcase.values.EscalationReason;
import com.complaintcase.values.HandlingLevel;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.Instant;

/** One step up the escalation ladder. */
@Embeddable
public class EscalationEntry {

    @Enumerated(EnumType.STRING)
    @Column(name = "from_level", length = 32, nullable = false)
    HandlingLevel fromLevel;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_level", length = 32, nullable = false)
    HandlingLevel toLevel;

    @Enumerated(EnumType.STRING)
    @Column(name = "reason", length = 40, nullable = false)
    EscalationReason reason;

    @Column(name = "note", length = 4000)
    String note;

    @Column(name = "escalated_at", nullable = false)
    Instant escalatedAt;

    @Column(name = "escalated_by", length = 64, nullable = false)
    String escalatedBy;

    protected EscalationEntry() {
    }

    EscalationEntry(HandlingLevel fromLevel, HandlingLevel toLevel, EscalationReason reason, String note,
                    Instant escalatedAt, String escalatedBy) {
        this.fromLevel = fromLevel;
        this.toLevel = toLevel;
        this.reason = reason;
        this.note = note;
        this.escalatedAt = escalatedAt;
        this.escalatedBy = escalatedBy;
    }

    public HandlingLevel fromLevel() {
        return fromLevel;
    }

    public HandlingLevel toLevel() {
        return toLevel;
    }

    public EscalationReason reason() {
        return reason;
    }

    public String note() {
        return note;
    }

    public Instant escalatedAt() {
        return escalatedAt;
    }

    public String escalatedBy() {
        return escalatedBy;
    }
}
