package com.complaintcase.command.lookup;

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
 * What the command side needs to know of every case to find repeat and group complaints at registration: one row
 * per case, with the customer's number (not personal data by itself), the registration's subcategory, branch and
 * incident code, and when it was closed. Kept by {@link ComplaintLookupProjection}.
 */
@Entity
@Table(name = "complaint_lookup", indexes = {
        @Index(name = "ix_complaint_lookup_repeat", columnList = "customer_id, subcategory, closed_at"),
        @Index(name = "ix_complaint_lookup_group", columnList = "branch_code, subcategory, registered_at"),
        @Index(name = "ix_complaint_lookup_incident", columnList = "incident_code, registered_at")})
public class ComplaintLookupEntry {

    @Id
    @Column(name = "complaint_id", length = 36)
    String complaintId;

    /** The sequence number of the last event applied, so that an event seen again changes nothing. */
    @Column(name = "version", nullable = false)
    long version;

    @Column(name = "customer_id", length = 64, nullable = false)
    String customerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "subcategory", length = 40, nullable = false)
    Subcategory subcategory;

    /** The branch the complaint was registered at; a later transfer does not move it out of its group. */
    @Column(name = "branch_code", length = 32, nullable = false)
    String branchCode;

    @Column(name = "incident_code", length = 64)
    String incidentCode;

    @Column(name = "registered_at", nullable = false)
    Instant registeredAt;

    /** When the case was closed; null while it is not closed (a reopened case is not). */
    @Column(name = "closed_at")
    Instant closedAt;

    protected ComplaintLookupEntry() {
    }

    ComplaintLookupEntry(String complaintId, long version, String customerId, Subcategory subcategory, String branchCode,
                         String incidentCode, Instant registeredAt) {
        this.complaintId = complaintId;
        this.version = version;
        this.customerId = customerId;
        this.subcategory = subcategory;
        this.branchCode = branchCode;
        this.incidentCode = incidentCode;
        this.registeredAt = registeredAt;
    }
}
