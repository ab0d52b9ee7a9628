package com.complaintcase.query.cases;

import java.util.List;

/** A page of open cases. */
public record OpenCases(List<CaseListItem> items, int page, int size, long totalElements, int totalPages)
        implements CasePage<CaseListItem> {

    static OpenCases of(List<CaseListItem> items, PageSpec page, long total) {
        return new OpenCases(items, page.page(), page.size(), total, CasePage.pages(total, page));
    }
}
