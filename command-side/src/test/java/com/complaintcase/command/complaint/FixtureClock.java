package com.complaintcase.command.complaint;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.function.Supplier;

/** A clock that reads the test fixture's current time, so that time is an input of every test. */
public final class FixtureClock extends Clock {

    private final Supplier<Instant> currentTime;
    private final ZoneId zone;

    public FixtureClock(Supplier<Instant> currentTime) {
        this(currentTime, ZoneOffset.UTC);
    }

    private FixtureClock(Supplier<Instant> currentTime, ZoneId zone) {
        this.currentTime = Objects.requireNonNull(currentTime);
        this.zone = Objects.requireNonNull(zone);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new FixtureClock(currentTime, newZone);
    }

    @Override
    public Instant instant() {
        return currentTime.get();
    }
}
