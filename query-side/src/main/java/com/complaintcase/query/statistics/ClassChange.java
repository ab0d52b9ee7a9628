package com.complaintcase.query.statistics;

import com.complaintcase.query.statistics.counting.CountedResponsibility;
import com.complaintcase.query.statistics.counting.CountingClass;
import com.complaintcase.values.HandlingLevel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.time.Instant;

/** A case's counting class, responsibility and level as they stood from {@code changedAt} on. */
@Entity
@Table(name = "statistics_class_change", indexes = {
        @Index(name = "ix_statistics_class_change_case", columnList = "complaint_id, sequence_number"),
        @Index(name = "ix_statistics_class_change_at", columnList = "changed_at"),
        @Index(name = "ix_statistics_class_change_reclassified", columnList = "changed_at, registered_at")})
public class ClassChange {

    @Id
    @Column(name = "change_id", length = 60)
    String changeId;

    @Column(name = "complaint_id", length = 36, nullable = false)
    String complaintId;

    @Column(name = "sequence_number", nullable = false)
    long sequence;

    @Column(name = "changed_at", nullable = false)
    Instant changedAt;

    /** When the case was registered: a day's reclassified cases are the ones registered before it. */
    @Column(name = "registered_at", nullable = false)
    Instant registeredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "counting_class", length = 16, nullable = false)
    CountingClass countingClass;

    @Enumerated(EnumType.STRING)
    @Column(name = "responsibility", length = 16, nullable = false)
    CountedResponsibility responsibility;

    @Enumerated(EnumType.STRING)
    @Column(name = "handling_level", length = 32, nullable = false)
    HandlingLevel level;

    protected ClassChange() {
    }

    ClassChange(String complaintId, long sequence, Instant changedAt, Instant registeredAt, CountingClass countingClass,
                CountedResponsibility responsibility, HandlingLevel level) {
        this.registeredAt = registeredAt;
        this.changeId = complaintId + ":" + sequence;
        this.complaintId = complaintId;
        this.sequence = sequence;
        this.changedAt = changedAt;
        this.countingClass = countingClass;
        this.responsibility = responsibility;
        this.level = level;
    }
}
