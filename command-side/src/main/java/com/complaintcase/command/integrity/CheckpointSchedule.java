package com.complaintcase.command.integrity;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;

import java.time.Duration;
import java.time.Instant;

/** Runs {@code delay} into every checkpoint period: once a day for P1D (at 00:05 by default), hourly for PT1H. */
final class CheckpointSchedule implements Schedule {

    private final CheckpointPeriods periods;
    private final Duration delay;

    CheckpointSchedule(CheckpointPeriods periods, Duration delay) {
        this.periods = periods;
        this.delay = delay;
    }

    @Override
    public Instant getNextExecutionTime(ExecutionComplete executionComplete) {
        return periods.nextRecording(executionComplete.getTimeDone(), delay);
    }

    @Override
    public Instant getInitialExecutionTime(Instant now) {
        return periods.nextRecording(now, delay);
    }

    @Override
    public boolean isDeterministic() {
        return true;
    }

    @Override
    public String toString() {
        return "CheckpointSchedule " + delay + " into every period of " + periods;
    }
}
