package com.complaintcase.command.integrity;

import com.complaintcase.events.integrity.IntegrityEvent;

import java.time.Instant;

/** One checkpoint's period: from {@code start} (inclusive) to {@code end} (exclusive). */
public record CheckpointPeriod(Instant start, Instant end) implements Comparable<CheckpointPeriod> {

    public String checkpointId() {
        return IntegrityEvent.checkpointId(start, end);
    }

    boolean endedBy(Instant now) {
        return !end.isAfter(now);
    }

    @Override
    public int compareTo(CheckpointPeriod other) {
        return start.compareTo(other.start);
    }

    @Override
    public String toString() {
        return start + "/" + end;
    }
}
