package com.complaintcase.events.complaint;

import com.complaintcase.values.SlaClock;

import java.time.Instant;

/** A clock started for a case: which one and when it falls due. */
public record DeadlineSet(SlaClock clock, Instant dueAt) {
}
