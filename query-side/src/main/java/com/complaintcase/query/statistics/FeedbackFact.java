package com.complaintcase.query.statistics;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.time.Instant;

/** A survey answer: satisfied is a score of 4 or 5. */
@Entity
@Table(name = "statistics_feedback", indexes = {
        @Index(name = "ix_statistics_feedback_answered", columnList = "answered_at")})
public class FeedbackFact {

    @Id
    @Column(name = "fact_id", length = 60)
    String factId;

    @Column(name = "complaint_id", length = 36, nullable = false)
    String complaintId;

    @Column(name = "answered_at", nullable = false)
    Instant answeredAt;

    @Column(name = "score", nullable = false)
    int score;

    @Column(name = "satisfied", nullable = false)
    boolean satisfied;

    protected FeedbackFact() {
    }

    FeedbackFact(String complaintId, long sequence, Instant answeredAt, int score, boolean satisfied) {
        this.factId = complaintId + ":" + sequence;
        this.complaintId = complaintId;
        this.answeredAt = answeredAt;
        this.score = score;
        this.satisfied = satisfied;
    }
}
