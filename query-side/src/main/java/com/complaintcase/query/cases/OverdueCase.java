package com.complaintcase.query.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** An open case with a limit that passed while its step was not done: the most overdue one, and all of them. */
public record OverdueCase(
        CaseListItem item,
        String deadline,
        Instant dueAt,
        Duration overdueBy,
        List<String> overdueDeadlines) {
}
