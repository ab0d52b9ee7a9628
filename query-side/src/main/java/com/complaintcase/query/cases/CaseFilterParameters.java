package com.complaintcase.query.cases;

import com.complaintcase.values.Category;
import com.complaintcase.values.ComplaintStatus;
import com.complaintcase.values.HandlingLevel;

/** The list filters as query parameters ({@code ?branchCode=BR-0101&status=ASSIGNED}); all optional. */
public record CaseFilterParameters(String branchCode, Category category, HandlingLevel level, String handlerId,
                                   ComplaintStatus status) {

    CaseFilter filter() {
        return new CaseFilter(blankToNull(branchCode), category, level, blankToNull(handlerId), status);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
