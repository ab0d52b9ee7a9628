package com.complaintcase.query.cases;

import com.complaintcase.events.complaint.ComplaintEvent;
import com.complaintcase.platform.privacy.PersonalDataCipher;
import com.complaintcase.values.Category;
import com.complaintcase.values.Channel;
import com.complaintcase.values.ComplaintStatus;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.PersonalData;
import com.complaintcase.values.RemedyType;
import com.complaintcase.values.Responsibility;
import com.complaintcase.values.RootIssue;
import com.complaintcase.values.Subcategory;
import com.complaintcase.values.Validity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A case as the query side knows it: one row per case, fed by the case's events. The same class,
 * unsaved, is what a case looked like at a past instant: {@link #apply} is the only way it changes,
 * for the live projection and for the point-in-time view alike.
 */
@Entity
@Table(name = "case_summary", indexes = {
        @Index(name = "ix_case_open_branch", columnList = "open_case, branch_code, received_at, complaint_id"),
        @Index(name = "ix_case_open_handler", columnList = "open_case, handler_id, received_at, complaint_id"),
        @Index(name = "ix_case_open_status", columnList = "open_case, status, received_at, complaint_id"),
        @Index(name = "ix_case_open_category", columnList = "open_case, category, received_at, complaint_id"),
        @Index(name = "ix_case_open_level", columnList = "open_case, handling_level, received_at, complaint_id"),
        @Index(name = "ix_case_open_received", columnList = "open_case, received_at, complaint_id"),
        @Index(name = "ix_case_next_due", columnList = "next_due_at, complaint_id"),
        @Index(name = "ix_case_branch_next_due", columnList = "branch_code, next_due_at, complaint_id"),
        @Index(name = "ix_case_handler_next_due", columnList = "handler_id, next_due_at, complaint_id"),
        @Index(name = "ix_case_registered", columnList = "registered_at")})
public class CaseSummary {

    /** Room for 4000 characters (up to 12,000 bytes of UTF-8) encrypted and in base64; a text column in PostgreSQL. */
    static final int SEALED_LENGTH = 24_000;

    @Id
    @Column(name = "complaint_id", length = 36)
    String complaintId;

    /** Sequence number of the last event applied: the case's version. */
    @Column(name = "version", nullable = false)
    long version = -1;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 32, nullable = false)
    ComplaintStatus status;

    @Column(name = "open_case", nullable = false)
    boolean open;

    /** The earliest due time of a clock still to be met, while the case is open: what the overdue list reads. */
    @Column(name = "next_due_at")
    Instant nextDueAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "handling_level", length = 32, nullable = false)
    HandlingLevel level;

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

    /** The unit that owns the case now (changes on transfer). */
    @Column(name = "branch_code", length = 32, nullable = false)
    String branchCode;

    @Column(name = "registered_branch_code", length = 32, nullable = false)
    String registeredBranchCode;

    @Column(name = "handler_id", length = 64)
    String handlerId;

    @Column(name = "first_responder_id", length = 64)
    String firstResponderId;

    @Column(name = "received_at", nullable = false)
    Instant receivedAt;

    @Column(name = "registered_at", nullable = false)
    Instant registeredAt;

    @Column(name = "last_changed_at", nullable = false)
    Instant lastChangedAt;

    @Column(name = "resolved_at")
    Instant resolvedAt;

    @Column(name = "closed_at")
    Instant closedAt;

    @Column(name = "customer_id", length = 64, nullable = false)
    String customerId;

    // Personal data, held only as the events store it (ADR 0008): encrypted under the customer's or the case's key,
    // or "[erased]". Decrypted for the case view of the roles that may see it, never for a list.
    @Column(name = "customer_name", length = SEALED_LENGTH)
    String customerName;

    @Column(name = "customer_phone", length = SEALED_LENGTH)
    String customerPhone;

    @Column(name = "customer_email", length = SEALED_LENGTH)
    String customerEmail;

    @Column(name = "description", length = SEALED_LENGTH)
    String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "requested_remedy", length = 32)
    RemedyType requestedRemedy;

    @Column(name = "requested_amount", precision = 19, scale = 4)
    BigDecimal requestedAmount;

    @Column(name = "requested_currency", length = 3)
    String requestedCurrency;

    @Column(name = "media_threat", nullable = false)
    boolean mediaThreat;

    @Column(name = "vulnerable_customer", nullable = false)
    boolean vulnerableCustomer;

    @Column(name = "skipped_level", nullable = false)
    boolean skippedLevel;

    @Column(name = "incident_code", length = 64)
    String incidentCode;

    @Column(name = "late_entry", nullable = false)
    boolean lateEntry;

    @Column(name = "business_line", length = 200)
    String businessLine;

    @Enumerated(EnumType.STRING)
    @Column(name = "validity", length = 16)
    Validity validity;

    @Enumerated(EnumType.STRING)
    @Column(name = "responsibility", length = 16)
    Responsibility responsibility;

    @Column(name = "policy_name", length = 64)
    String policyName;

    @Column(name = "policy_version")
    Integer policyVersion;

    @Column(name = "compensation_proposed", precision = 19, scale = 4)
    BigDecimal compensationProposed;

    @Column(name = "compensation_approved", precision = 19, scale = 4)
    BigDecimal compensationApproved;

    @Column(name = "compensation_paid", precision = 19, scale = 4)
    BigDecimal compensationPaid;

    @Column(name = "compensation_currency", length = 3)
    String compensationCurrency;

    @Column(name = "compensation_paid_currency", length = 3)
    String compensationPaidCurrency;

    @Column(name = "satisfaction_score")
    Integer satisfactionScore;

    @Column(name = "reopen_count", nullable = false)
    int reopenCount;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "case_deadline", joinColumns = @JoinColumn(name = "complaint_id"),
            indexes = @Index(name = "ix_case_deadline_due", columnList = "met_at, state, due_at"))
    @OrderColumn(name = "position")
    List<DeadlineEntry> deadlines = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "case_escalation", joinColumns = @JoinColumn(name = "complaint_id"))
    @OrderColumn(name = "position")
    List<EscalationEntry> escalations = new ArrayList<>();

    protected CaseSummary() {
    }

    /** A case not yet seen: its first event will fill it. */
    public static CaseSummary unseen(String complaintId) {
        CaseSummary summary = new CaseSummary();
        summary.complaintId = complaintId;
        return summary;
    }

    /**
     * Applies one event of the case. An event at or below the version already applied is ignored,
     * so a redelivered or replayed event never counts twice.
     *
     * The customer's personal data is kept encrypted with {@code cipher}.
     *
     * @return whether the event changed the summary
     */
    public boolean apply(ComplaintEvent event, long sequence, Instant recordedAt, PersonalDataCipher cipher) {
        if (sequence <= version) {
            return false;
        }
        new CaseEvolution(this, recordedAt, cipher).evolve(event);
        version = sequence;
        lastChangedAt = recordedAt;
        open = status != null && status.isOpen();
        nextDueAt = open ? deadlines.stream()
                .filter(DeadlineEntry::isPending)
                .map(DeadlineEntry::dueAt)
                .min(Instant::compareTo).orElse(null) : null;
        return true;
    }

    /** Whether a registration has been applied: an unseen case has no status. */
    public boolean exists() {
        return status != null;
    }

    Optional<DeadlineEntry> deadline(com.complaintcase.values.SlaClock clock) {
        // the latest: a clock started again (a new transfer's start-work, a later forward) adds a new entry
        return deadlines.stream().filter(deadline -> deadline.clock == clock).reduce((first, second) -> second);
    }

    public String complaintId() {
        return complaintId;
    }

    public long version() {
        return version;
    }

    public ComplaintStatus status() {
        return status;
    }

    public boolean isOpen() {
        return open;
    }

    public HandlingLevel level() {
        return level;
    }

    public Category category() {
        return category;
    }

    public Subcategory subcategory() {
        return subcategory;
    }

    public RootIssue rootIssue() {
        return rootIssue;
    }

    public Channel channel() {
        return channel;
    }

    public String branchCode() {
        return branchCode;
    }

    public String registeredBranchCode() {
        return registeredBranchCode;
    }

    public String handlerId() {
        return handlerId;
    }

    public String firstResponderId() {
        return firstResponderId;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public Instant lastChangedAt() {
        return lastChangedAt;
    }

    public Instant resolvedAt() {
        return resolvedAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    /** Personal data that was recorded reads as erased; what was never given stays absent. */
    void erasePersonalData() {
        customerName = erased(customerName);
        customerPhone = erased(customerPhone);
        customerEmail = erased(customerEmail);
        description = erased(description);
    }

    private static String erased(String value) {
        return value == null ? null : PersonalData.ERASED;
    }

    public String customerId() {
        return customerId;
    }

    /** As stored: encrypted, or "[erased]". */
    public String customerName() {
        return customerName;
    }

    /** As stored: encrypted, or "[erased]". */
    public String customerPhone() {
        return customerPhone;
    }

    /** As stored: encrypted, or "[erased]". */
    public String customerEmail() {
        return customerEmail;
    }

    /** As stored: encrypted, or "[erased]". */
    public String description() {
        return description;
    }

    public RemedyType requestedRemedy() {
        return requestedRemedy;
    }

    public BigDecimal requestedAmount() {
        return requestedAmount;
    }

    public String requestedCurrency() {
        return requestedCurrency;
    }

    public boolean mediaThreat() {
        return mediaThreat;
    }

    public boolean vulnerableCustomer() {
        return vulnerableCustomer;
    }

    public boolean skippedLevel() {
        return skippedLevel;
    }

    public String incidentCode() {
        return incidentCode;
    }

    public boolean lateEntry() {
        return lateEntry;
    }

    public String businessLine() {
        return businessLine;
    }

    public Validity validity() {
        return validity;
    }

    public Responsibility responsibility() {
        return responsibility;
    }

    public String policyName() {
        return policyName;
    }

    public Integer policyVersion() {
        return policyVersion;
    }

    public BigDecimal compensationProposed() {
        return compensationProposed;
    }

    public BigDecimal compensationApproved() {
        return compensationApproved;
    }

    public BigDecimal compensationPaid() {
        return compensationPaid;
    }

    public String compensationCurrency() {
        return compensationCurrency;
    }

    public String compensationPaidCurrency() {
        return compensationPaidCurrency;
    }

    public Integer satisfactionScore() {
        return satisfactionScore;
    }

    public int reopenCount() {
        return reopenCount;
    }

    public List<DeadlineEntry> deadlines() {
        return Collections.unmodifiableList(deadlines);
    }

    public List<EscalationEntry> escalations() {
        return Collections.unmodifiableList(escalations);
    }
}
