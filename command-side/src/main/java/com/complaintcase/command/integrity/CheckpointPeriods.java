package com.complaintcase.command.integrity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Cuts time into checkpoint periods of {@code interval}, aligned on the start of each day in {@code zone}: P1D gives
 * the zone's days, PT1H its hours (a day of 23 or 25 hours has as many periods). The interval must divide a day.
 */
public final class CheckpointPeriods {

    static final Duration DAY = Duration.ofDays(1);
    private static final Duration SHORTEST = Duration.ofMinutes(1);

    private final Duration interval;
    private final ZoneId zone;

    public CheckpointPeriods(Duration interval, ZoneId zone) {
        requireDividesADay(interval);
        this.interval = interval;
        this.zone = zone;
    }

    static void requireDividesADay(Duration interval) {
        if (interval.compareTo(SHORTEST) < 0 || interval.compareTo(DAY) > 0 || DAY.toNanos() % interval.toNanos() != 0) {
            throw new IllegalArgumentException("complaints.integrity.checkpoint.interval must divide a day into whole "
                    + "periods of at least a minute (e.g. PT15M, PT1H, P1D): " + interval);
        }
    }

    public CheckpointPeriod periodOf(Instant instant) {
        LocalDate day = instant.atZone(zone).toLocalDate();
        Instant dayStart = day.atStartOfDay(zone).toInstant();
        Instant dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant();
        if (interval.equals(DAY)) {
            return new CheckpointPeriod(dayStart, dayEnd);
        }
        long index = Duration.between(dayStart, instant).toNanos() / interval.toNanos();
        Instant start = dayStart.plus(interval.multipliedBy(index));
        Instant end = start.plus(interval);
        return new CheckpointPeriod(start, end.isAfter(dayEnd) ? dayEnd : end);
    }

    /** The period of a day whose changes were kept before periods were configurable. */
    CheckpointPeriod wholeDay(LocalDate day) {
        return new CheckpointPeriod(day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** When the checkpoint of the period before is due: {@code delay} into the first period that starts after now. */
    Instant nextRecording(Instant now, Duration delay) {
        CheckpointPeriod current = periodOf(now);
        Instant candidate = current.start().plus(delay);
        while (!candidate.isAfter(now)) {
            current = periodOf(current.end());
            candidate = current.start().plus(delay);
        }
        return candidate;
    }

    public ZoneId zone() {
        return zone;
    }

    @Override
    public String toString() {
        return interval + " in " + zone;
    }
}
