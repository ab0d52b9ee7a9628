package com.complaintcase.query.cases;

import com.complaintcase.values.Category;
import com.complaintcase.values.ComplaintStatus;
import com.complaintcase.values.HandlingLevel;

/** The contract's list filters; a null field does not filter. */
public record CaseFilter(String branchCode, Category category, HandlingLevel level, String handlerId,
                         ComplaintStatus status) {

    public static final CaseFilter NONE = new CaseFilter(null, null, null, null, null);

    public boolean matches(CaseListItem item) {
        return (branchCode == null || branchCode.equals(item.branchCode()))
                && (category == null || category == item.category())
                && (level == null || level == item.level())
                && (handlerId == null || handlerId.equals(item.handlerId()))
                && (status == null || status == item.status());
    }
}
