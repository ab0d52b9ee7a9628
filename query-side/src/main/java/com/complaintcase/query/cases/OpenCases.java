package com.complaintcase.query.cases;

import java.time.Instant;
import java.util.List;

/** A page of open cases. */
public record OpenCases(List<CaseListItem> items, int page, int size, long totalElements, int totalPages,
                         Instant totalCountedAt)
        implements CasePage<CaseListItem> {

    static OpenCases of(List<CaseListItem> items, PageSpec page, ListTotals.Total total) {
        return new OpenCases(items, page.page(), page.size(), total.value(), CasePage.pages(total.value(), page),
                total.countedAt());
    }
}
