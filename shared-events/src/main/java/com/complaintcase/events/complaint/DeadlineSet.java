package com.complaintcase.events.complaint;

import com.complaintcase.values.SlaClock;

import java.time.Instant;

/**
 * A clock started for a case: which one, when it falls due, and the id of the scheduled deadline that
 * records a breach if the step is not done by then (so that doing it in time cancels exactly that one).
 */
public record DeadlineSet(SlaClock clock, Instant dueAt, String deadlineId) {
}
