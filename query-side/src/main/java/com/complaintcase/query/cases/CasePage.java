package com.complaintcase.query.cases;

import java.time.Instant;
import java.util.List;

/** One page of a case list. */
public interface CasePage<T> {

    List<T> items();

    int page();

    int size();

    long totalElements();

    int totalPages();

    /** When {@link #totalElements()} was counted: now, or shortly before for a long list (see {@link ListTotals}). */
    Instant totalCountedAt();

    static int pages(long total, PageSpec page) {
        return (int) Math.max(1, (total + page.size() - 1) / page.size());
    }
}
