package com.complaintcase.query.statistics;

import com.complaintcase.query.statistics.counting.CaseCounting;
import com.complaintcase.query.statistics.counting.CountedResponsibility;
import com.complaintcase.query.statistics.counting.CountingClass;
import com.complaintcase.query.statistics.counting.CountingReason;
import com.complaintcase.values.Category;
import com.complaintcase.values.Channel;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.Responsibility;
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
 * A case as the statistics count it: its attributes at registration (the branch is the registering one), its level
 * now, and its counting facts ({@link CaseCounting.State}). No personal data.
 */
@Entity
@Table(name = "statistics_case", indexes = {
        @Index(name = "ix_statistics_case_registered", columnList = "registered_at, complaint_id")})
public class StatisticsCase {

    @Id
    @Column(name = "complaint_id", length = 36)
    String complaintId;

    @Column(name = "version", nullable = false)
    long version = -1;

    @Column(name = "registered_at", nullable = false)
    Instant registeredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", length = 32, nullable = false)
    Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(name = "category", length = 32, nullable = false)
    Category category;

    @Enumerated(EnumType.STRING)
    @Column(name = "subcategory", length = 40, nullable = false)
    Subcategory subcategory;

    @Enumerated(EnumType.STRING)
    @Column(name = "root_issue", length = 32, nullable = false)
    RootIssue rootIssue;

    @Column(name = "branch_code", length = 32, nullable = false)
    String branchCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "handling_level", length = 32, nullable = false)
    HandlingLevel level;

    @Enumerated(EnumType.STRING)
    @Column(name = "counting_class", length = 16, nullable = false)
    CountingClass countingClass;

    @Enumerated(EnumType.STRING)
    @Column(name = "counting_reason", length = 32)
    CountingReason countingReason;

    @Enumerated(EnumType.STRING)
    @Column(name = "responsibility", length = 16)
    Responsibility responsibility;

    @Column(name = "above_branch", nullable = false)
    boolean aboveBranch;

    @Column(name = "not_a_complaint", nullable = false)
    boolean notAComplaint;

    @Column(name = "repeat_complaint", nullable = false)
    boolean repeat;

    @Column(name = "escalated", nullable = false)
    boolean escalated;

    @Column(name = "withdrawn", nullable = false)
    boolean withdrawn;

    /** The class, responsibility and level as they stood at the end of the registration day (reporting zone). */
    @Enumerated(EnumType.STRING)
    @Column(name = "day_end_class", length = 16, nullable = false)
    CountingClass dayEndClass;

    @Enumerated(EnumType.STRING)
    @Column(name = "day_end_responsibility", length = 16, nullable = false)
    CountedResponsibility dayEndResponsibility;

    @Enumerated(EnumType.STRING)
    @Column(name = "day_end_level", length = 32, nullable = false)
    HandlingLevel dayEndLevel;

    protected StatisticsCase() {
    }

    StatisticsCase(String complaintId) {
        this.complaintId = complaintId;
    }

    CaseCounting.State countingState() {
        return new CaseCounting.State(countingReason, aboveBranch, notAComplaint, responsibility, repeat);
    }

    void counting(CaseCounting counting) {
        CaseCounting.State state = counting.state();
        countingClass = counting.countingClass();
        countingReason = state.complaintBecause();
        aboveBranch = state.aboveBranch();
        notAComplaint = state.notAComplaint();
        responsibility = state.responsibility();
        repeat = state.repeat();
    }

    /** The group key of this case for a statistics grouping. */
    String keyFor(Grouping grouping) {
        return switch (grouping) {
            case CATEGORY -> category.name();
            case SUBCATEGORY -> subcategory.name();
            case ROOT_ISSUE -> rootIssue.name();
            case BRANCH_CODE -> branchCode;
            case CHANNEL -> channel.name();
            case LEVEL -> level.name();
        };
    }

    public String complaintId() {
        return complaintId;
    }
}
