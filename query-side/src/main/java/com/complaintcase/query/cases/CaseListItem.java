package com.complaintcase.query.cases;

import com.complaintcase.values.Category;
import com.complaintcase.values.Channel;
import com.complaintcase.values.ComplaintStatus;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.RootIssue;
import com.complaintcase.values.Subcategory;

import java.time.Instant;

/** A case in a list: no customer personal data, ever. */
public record CaseListItem(
        String complaintId,
        ComplaintStatus status,
        HandlingLevel level,
        Category category,
        Subcategory subcategory,
        RootIssue rootIssue,
        Channel channel,
        String branchCode,
        String handlerId,
        Instant receivedAt,
        Instant registeredAt,
        Instant lastChangedAt,
        CaseFlags flags,
        long version) {

    /** The flat form, for list queries that read columns rather than whole cases. */
    public CaseListItem(String complaintId, ComplaintStatus status, HandlingLevel level, Category category,
                        Subcategory subcategory, RootIssue rootIssue, Channel channel, String branchCode,
                        String handlerId, Instant receivedAt, Instant registeredAt, Instant lastChangedAt,
                        boolean mediaThreat, boolean vulnerableCustomer, boolean skippedLevel, String incidentCode,
                        boolean lateEntry, long version) {
        this(complaintId, status, level, category, subcategory, rootIssue, channel, branchCode, handlerId, receivedAt,
                registeredAt, lastChangedAt,
                new CaseFlags(mediaThreat, vulnerableCustomer, skippedLevel, incidentCode, lateEntry), version);
    }

    static final String SELECT = "select new com.complaintcase.query.cases.CaseListItem(c.complaintId, c.status, "
            + "c.level, c.category, c.subcategory, c.rootIssue, c.channel, c.branchCode, c.handlerId, c.receivedAt, "
            + "c.registeredAt, c.lastChangedAt, c.mediaThreat, c.vulnerableCustomer, c.skippedLevel, c.incidentCode, "
            + "c.lateEntry, c.version) from CaseSummary c";

    static CaseListItem of(CaseSummary c) {
        return new CaseListItem(c.complaintId(), c.status(), c.level(), c.category(), c.subcategory(), c.rootIssue(),
                c.channel(), c.branchCode(), c.handlerId(), c.receivedAt(), c.registeredAt(), c.lastChangedAt(),
                CaseFlags.of(c), c.version());
    }
}
