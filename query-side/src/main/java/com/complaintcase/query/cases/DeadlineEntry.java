package com.complaintcase.query.cases;

import com.complaintcase.values.SlaClock;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.Instant;

/** One clock of a case as the projection knows it. */
@Embeddable
public class DeadlineEntry {

    @Enumerated(EnumType.STRING)
    @Column(name = "clock", length = 40, nullable = false)
    SlaClock clock;

    @Column(name = "due_at", nullable = false)
    Instant dueAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", length = 16, nullable = false)
    DeadlineState state;

    @Column(name = "met_at")
    Instant metAt;

    @Column(name = "breached_at")
    Instant breachedAt;

    protected DeadlineEntry() {
    }

    DeadlineEntry(SlaClock clock, Instant dueAt) {
        this.clock = clock;
        this.dueAt = dueAt;
        this.state = DeadlineState.RUNNING;
    }

    /** The step was done at {@code at}: met if in time, otherwise breached (and done late). */
    void complete(Instant at) {
        if (metAt != null || state == DeadlineState.STOPPED) {
            return;
        }
        metAt = at;
        if (at.isAfter(dueAt)) {
            recordBreach();
        }
        state = breachedAt != null ? DeadlineState.BREACHED : DeadlineState.MET;
    }

    /** The case ended at {@code at}: a clock still running stops, unless its time had already run out. */
    void stop(Instant at) {
        if (state != DeadlineState.RUNNING) {
            return;
        }
        if (metAt == null && dueAt.isBefore(at)) {
            recordBreach();
            state = DeadlineState.BREACHED;
        } else {
            state = DeadlineState.STOPPED;
        }
    }

    /** A new due time; a breach that already happened stays on record. */
    void extendTo(Instant newDueAt, Instant at) {
        if (metAt != null || state == DeadlineState.STOPPED) {
            return;
        }
        if (dueAt.isBefore(at)) {
            recordBreach();
        }
        dueAt = newDueAt;
    }

    /** The breach recorded as a fact; a step done late also ends here, with its due time as the breach. */
    void breach(Instant at) {
        if (state == DeadlineState.STOPPED) {
            return;
        }
        if (breachedAt == null) {
            breachedAt = at;
        }
        state = DeadlineState.BREACHED;
    }

    private void recordBreach() {
        if (breachedAt == null) {
            breachedAt = dueAt;
        }
    }

    /** Still to be met: not done and not stopped. */
    boolean isPending() {
        return metAt == null && state != DeadlineState.STOPPED;
    }

    /** Overdue at {@code now}: not done, not stopped, and past its due time. */
    boolean isOverdueAt(Instant now) {
        return metAt == null && state != DeadlineState.STOPPED && dueAt.isBefore(now);
    }

    public SlaClock clock() {
        return clock;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public DeadlineState state() {
        return state;
    }

    public Instant metAt() {
        return metAt;
    }

    public Instant breachedAt() {
        return breachedAt;
    }
}
