package com.complaintcase.query.cases;

import java.time.Instant;
import java.util.List;

/** A page of overdue cases, most overdue first. */
public record OverdueCases(List<OverdueCase> items, int page, int size, long totalElements, int totalPages,
                         Instant totalCountedAt)
        implements CasePage<OverdueCase> {

    static OverdueCases of(List<OverdueCase> items, PageSpec page, ListTotals.Total total) {
        return new OverdueCases(items, page.page(), page.size(), total.value(), CasePage.pages(total.value(), page),
                total.countedAt());
    }
}
