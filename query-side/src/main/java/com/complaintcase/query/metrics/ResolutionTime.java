package com.complaintcase.query.metrics;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.time.Instant;

/** One resolution of a case: from registration to the customer's acceptance. Keyed by its event. */
@Entity
@Table(name = "metrics_resolution", indexes = {
        @Index(name = "ix_metrics_resolution_resolved", columnList = "resolved_at")})
public class ResolutionTime {

    @Id
    @Column(name = "event_id", length = 64)
    String eventId;

    @Column(name = "complaint_id", length = 36, nullable = false)
    String complaintId;

    @Column(name = "registered_at", nullable = false)
    Instant registeredAt;

    @Column(name = "resolved_at", nullable = false)
    Instant resolvedAt;

    @Column(name = "seconds", nullable = false)
    long seconds;

    protected ResolutionTime() {
    }

    ResolutionTime(String eventId, String complaintId, Instant registeredAt, Instant resolvedAt) {
        this.eventId = eventId;
        this.complaintId = complaintId;
        this.registeredAt = registeredAt;
        this.resolvedAt = resolvedAt;
        this.seconds = java.time.Duration.between(registeredAt, resolvedAt).getSeconds();
    }
}
