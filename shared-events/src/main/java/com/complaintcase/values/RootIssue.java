package com.complaintcase.values;

/** The complaint-resolution programme's grouping by root issue (40/30/20/10 last year). */
public enum RootIssue {
    SERVICE_ATTITUDE,
    PRODUCT_INFORMATION,
    TECHNICAL,
    FEES,
    OTHER
}
