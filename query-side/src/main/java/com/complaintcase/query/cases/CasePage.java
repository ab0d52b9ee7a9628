package com.complaintcase.query.cases;

import java.util.List;

/** One page of a list. */
public record CasePage<T>(List<T> items, int page, int size, long totalElements, int totalPages) {

    static <T> CasePage<T> of(List<T> items, PageSpec page, long total) {
        int pages = (int) Math.max(1, (total + page.size() - 1) / page.size());
        return new CasePage<>(items, page.page(), page.size(), total, pages);
    }
}
