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

    static CaseListItem of(CaseSummary c) {
        return new CaseListItem(c.complaintId(), c.status(), c.level(), c.category(), c.subcategory(), c.rootIssue(),
                c.channel(), c.branchCode(), c.handlerId(), c.receivedAt(), c.registeredAt(), c.lastChangedAt(),
                CaseFlags.of(c), c.version());
    }
}
