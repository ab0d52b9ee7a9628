package com.complaintcase.command.complaint.sla;

import com.complaintcase.calendar.BusinessCalendar;
import com.complaintcase.casemodel.CaseState;
import com.complaintcase.casemodel.CaseState.ClockDue;
import com.complaintcase.command.complaint.Complaint;
import com.complaintcase.command.complaint.SlaDeadlineDue;
import com.complaintcase.command.complaint.StateConflict;
import com.complaintcase.command.complaint.RefusalCode;
import com.complaintcase.events.complaint.AppliedClock;
import com.complaintcase.events.complaint.DeadlineBreached;
import com.complaintcase.events.complaint.DeadlineMet;
import com.complaintcase.events.complaint.DeadlineSet;
import com.complaintcase.values.Actor;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.SlaClock;
import com.complaintcase.values.SlaStep;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.command.AggregateScopeDescriptor;

import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A case's SLA clocks as a command moves them: each running clock has a deadline scheduled that records its breach
 * when it fires; a step done meets the clocks waiting for it (late: breached, then met) and cancels their deadlines.
 * {@code deadlines} is null where none is at hand (a deadline firing): nothing is scheduled or cancelled then.
 */
public final class SlaClocks {

    private final ComplaintId complaintId;
    private final CaseState state;
    private final DeadlineManager deadlines;

    public SlaClocks(ComplaintId complaintId, CaseState state, DeadlineManager deadlines) {
        this.complaintId = complaintId;
        this.state = state;
        this.deadlines = deadlines;
    }

    /** Schedules the deadline of {@code clock} due at {@code dueAt}; the fact to record says which. */
    public DeadlineSet schedule(SlaClock clock, Instant dueAt) {
        String deadlineId = deadlines.schedule(dueAt, SlaDeadlineDue.NAME, new SlaDeadlineDue(clock, dueAt),
                new AggregateScopeDescriptor(Complaint.class.getSimpleName(), complaintId.value()));
        return new DeadlineSet(clock, dueAt, deadlineId);
    }

    public void cancel(ClockDue due) {
        if (deadlines != null) {
            deadlines.cancelSchedule(SlaDeadlineDue.NAME, due.deadlineId());
        }
    }

    /** The case ended: its clocks stop, and their deadlines are cancelled. */
    public void cancelRunning() {
        state.runningClocks().forEach(this::cancel);
    }

    /** The step was done at {@code at}: every clock it meets is met if in time, a breach if late. */
    public void stepDone(SlaStep step, Instant at, Actor by) {
        for (SlaClock clock : state.clocksMetBy(step)) {
            stepDone(clock, at, by);
        }
    }

    public void stepDone(SlaClock clock, Instant at, Actor by) {
        ClockDue running = state.runningClock(clock);
        if (running != null) {
            cancel(running);
            if (at.isAfter(running.dueAt())) {
                apply(new DeadlineBreached(complaintId, clock, running.deadlineId(), running.dueAt(), running.dueAt(), by));
            }
            apply(new DeadlineMet(complaintId, clock, running.deadlineId(), running.dueAt(), at, by));
            return;
        }
        ClockDue breached = state.breachedClock(clock);
        if (breached != null) {
            apply(new DeadlineMet(complaintId, clock, breached.deadlineId(), breached.dueAt(), at, by));
        }
    }

    public ClockDue requireRunning(SlaClock clock) {
        ClockDue running = state.runningClock(clock);
        if (running == null) {
            throw new StateConflict(RefusalCode.DEADLINE_NOT_RUNNING,
                    "the " + clock + " clock is not running: its step was done or its limit already passed");
        }
        return running;
    }

    /** The due time of a recorded clock counted from {@code from}, in the calendar of the case's pack. */
    public static Instant dueFrom(AppliedClock rule, Instant from, BusinessCalendar calendar) {
        if (rule.limit() != null) {
            return calendar.plusHours(from, rule.limit());
        }
        return rule.endOfBusinessDay()
                ? calendar.endOfBusinessDay(from, rule.businessDays(), PolicyPack.CLOSE_OF_BUSINESS)
                : calendar.plusWorkingDays(from, rule.businessDays());
    }
}
