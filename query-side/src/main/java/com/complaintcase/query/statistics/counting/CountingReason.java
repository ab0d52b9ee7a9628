package com.complaintcase.query.statistics.counting;

/** The first fact that made a case a complaint. */
public enum CountingReason {
    OUTSIDE_CHANNEL, SKIPPED_LEVEL, REPEAT_COMPLAINT, OVERDUE
}
