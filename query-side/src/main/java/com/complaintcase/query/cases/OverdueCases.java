package com.complaintcase.query.cases;

import java.util.List;

/** A page of overdue cases, most overdue first. */
public record OverdueCases(List<OverdueCase> items, int page, int size, long totalElements, int totalPages)
        implements CasePage<OverdueCase> {

    static OverdueCases of(List<OverdueCase> items, PageSpec page, long total) {
        return new OverdueCases(items, page.page(), page.size(), total, CasePage.pages(total, page));
    }
}
