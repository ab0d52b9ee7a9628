package com.complaintcase.query.metrics;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.time.Instant;

/** One survey answer, keyed by the event that recorded it (so a replay never counts it twice). */
@Entity
@Table(name = "metrics_satisfaction", indexes = {
        @Index(name = "ix_metrics_satisfaction_answered", columnList = "answered_at")})
public class SatisfactionAnswer {

    @Id
    @Column(name = "event_id", length = 64)
    String eventId;

    @Column(name = "complaint_id", length = 36, nullable = false)
    String complaintId;

    @Column(name = "score", nullable = false)
    int score;

    @Column(name = "satisfied", nullable = false)
    boolean satisfied;

    @Column(name = "answered_at", nullable = false)
    Instant answeredAt;

    protected SatisfactionAnswer() {
    }

    SatisfactionAnswer(String eventId, String complaintId, int score, boolean satisfied, Instant answeredAt) {
        this.eventId = eventId;
        this.complaintId = complaintId;
        this.score = score;
        this.satisfied = satisfied;
        this.answeredAt = answeredAt;
    }
}
