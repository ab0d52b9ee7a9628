package com.complaintcase.query.metrics;

import com.complaintcase.values.Category;
import com.complaintcase.values.Channel;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.RootIssue;
import com.complaintcase.values.Subcategory;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * What the metrics need to know of each case, kept by the metrics projection itself so that it can be
 * rebuilt on its own. No personal data.
 */
@Entity
@Table(name = "metrics_case", indexes = {
        @Index(name = "ix_metrics_case_registered", columnList = "registered_at")})
public class MetricsCase {

    @Id
    @Column(name = "complaint_id", length = 36)
    String complaintId;

    @Column(name = "version", nullable = false)
    long version = -1;

    @Enumerated(EnumType.STRING)
    @Column(name = "category", length = 32, nullable = false)
    Category category;

    @Enumerated(EnumType.STRING)
    @Column(name = "subcategory", length = 40, nullable = false)
    Subcategory subcategory;

    @Enumerated(EnumType.STRING)
    @Column(name = "root_issue", length = 32, nullable = false)
    RootIssue rootIssue;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", length = 32, nullable = false)
    Channel channel;

    @Column(name = "branch_code", length = 32, nullable = false)
    String branchCode;

    @Column(name = "handler_id", length = 64)
    String handlerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "handling_level", length = 32, nullable = false)
    HandlingLevel level;

    @Column(name = "registered_at", nullable = false)
    Instant registeredAt;

    protected MetricsCase() {
    }

    MetricsCase(String complaintId) {
        this.complaintId = complaintId;
    }

    /** The group key of this case for a metrics dimension. */
    String keyFor(Dimension dimension, Instant at) {
        return switch (dimension) {
            case MONTH -> Dimension.month(at);
            case QUARTER -> Dimension.quarter(at);
            case CATEGORY -> category.name();
            case SUBCATEGORY -> subcategory.name();
            case ROOT_ISSUE -> rootIssue.name();
            case BRANCH_CODE -> branchCode;
            case CHANNEL -> channel.name();
            case HANDLER_ID -> handlerId == null ? "(unassigned)" : handlerId;
            case LEVEL -> level.name();
        };
    }
}
