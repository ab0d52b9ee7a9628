package com.complaintcase.command.complaint;

import com.complaintcase.values.SlaClock;

import java.time.Instant;

/** What a scheduled SLA deadline carries: which clock of the case, and when it falls due. */
public record SlaDeadlineDue(SlaClock clock, Instant dueAt) {

    /** The name all SLA deadlines of a case are scheduled under. */
    public static final String NAME = "complaint-sla";
}
