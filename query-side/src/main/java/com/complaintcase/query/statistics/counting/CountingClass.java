package com.complaintcase.query.statistics.counting;

/** How a case counts in the bank's own statistics (domain brief, section 8). */
public enum CountingClass {
    /** Handled and resolved at the branch. */
    NOT_COUNTED,
    /** Escalated (handled above the branch) but resolved within the limits. */
    INQUIRY,
    /** Arrived through an outside channel or skipped a level, a repeat complaint, or overdue at any point. */
    COMPLAINT
}
