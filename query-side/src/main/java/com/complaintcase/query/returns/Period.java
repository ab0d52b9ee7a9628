package com.complaintcase.query.returns;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The days {@code from} to {@code to}, both included, in the reporting zone: the instants [start, end). */
record Period(LocalDate from, LocalDate to, ZoneId zone, Instant start, Instant end) {

    Period(LocalDate from, LocalDate to, ZoneId zone) {
        this(from, to, zone, from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant());
    }

    boolean contains(Instant instant) {
        return instant != null && !instant.isBefore(start) && instant.isBefore(end);
    }

    /** Whether [periodStart, periodEnd) overlaps this period. */
    boolean overlaps(Instant periodStart, Instant periodEnd) {
        return periodStart.isBefore(end) && periodEnd.isAfter(start);
    }
}
