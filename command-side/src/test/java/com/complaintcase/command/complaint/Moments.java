package com.complaintcase.command.complaint;

import java.time.Duration;
import java.time.Instant;

/**
 * The moment every test runs at: the rules tests pin the fixture's current time to {@link #NOW}
 * (tests that need another moment move it with {@code givenCurrentTime}). Other moments are stated
 * relative to it.
 */
final class Moments {

    static final Instant NOW = Instant.parse("2026-11-20T09:15:00Z");

    private Moments() {
    }

    static Instant hoursAgo(long hours) {
        return NOW.minus(Duration.ofHours(hours));
    }

    static Instant minutesAgo(long minutes) {
        return NOW.minus(Duration.ofMinutes(minutes));
    }

    static Instant minutesFromNow(long minutes) {
        return NOW.plus(Duration.ofMinutes(minutes));
    }
}
