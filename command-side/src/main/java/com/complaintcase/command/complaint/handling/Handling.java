package com.complaintcase.command.complaint.handling;

import com.complaintcase.casemodel.CaseState;
import com.complaintcase.casemodel.CaseState.ClockDue;
import com.complaintcase.command.complaint.BusinessRuleViolation;
import com.complaintcase.command.complaint.RefusalCode;
import com.complaintcase.command.complaint.StateConflict;
import com.complaintcase.calendar.BusinessCalendar;
import com.complaintcase.command.complaint.sla.PolicyPacks;
import com.complaintcase.command.complaint.sla.SlaClocks;
import com.complaintcase.events.complaint.AppliedClock;
import com.complaintcase.events.complaint.ComplaintTransferred;
import com.complaintcase.events.complaint.CustomerContacted;
import com.complaintcase.events.complaint.DeadlineBreached;
import com.complaintcase.events.complaint.DeadlineMet;
import com.complaintcase.events.complaint.DeadlineSet;
import com.complaintcase.events.complaint.EvidenceAttached;
import com.complaintcase.events.complaint.FindingsRecorded;
import com.complaintcase.events.complaint.HandlerAssigned;
import com.complaintcase.values.ClockStart;
import com.complaintcase.values.SlaStep;

import java.time.Instant;

import static com.complaintcase.command.complaint.CaseRules.*;
import static com.complaintcase.values.ComplaintStatus.*;
import static com.complaintcase.values.Role.*;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Handling (domain brief, section 4): a handler is assigned (the case may be forwarded to another unit, which then
 * assigns its own), contacts the customer, gathers evidence and records findings on validity and responsibility.
 */
public final class Handling {

    private Handling() {
    }

    public static void assign(CaseState c, AssignHandler command, Instant now, SlaClocks clocks) {
        requireRole(command.actor(), "assign a handler", SUPERVISOR);
        requireStatus(c, "assign a handler", ACCEPTED, ASSIGNED, IN_PROGRESS);
        if (c.isHandledBy(command.handlerId())) {
            throw new StateConflict(RefusalCode.HANDLER_ALREADY_ASSIGNED, command.handlerId() + " already handles this case");
        }
        apply(new HandlerAssigned(c.complaintId(), command.handlerId(), c.handlerId(), command.actor()));
        clocks.stepDone(SlaStep.HANDLER_ASSIGNED, now, command.actor());
    }

    /**
     * Forwards the case to another unit. Under a pack with a forward clock the transfer is weighed against the time
     * the case reached its current unit (met, or breached and met late: nothing was scheduled for it); under a pack
     * with a start-work clock the receiving unit's clock starts, replacing the one a previous transfer started.
     */
    public static void transfer(CaseState c, TransferComplaint command, PolicyPacks packs, Instant now, SlaClocks clocks) {
        requireRole(command.actor(), "transfer a complaint", HANDLER, SUPERVISOR);
        requireStatus(c, "transfer", REGISTERED, ACCEPTED, ASSIGNED, IN_PROGRESS);
        requireAssignedHandlerIfHandler(c, command.actor());
        if (command.toUnit().equals(c.unit())) {
            throw new BusinessRuleViolation(RefusalCode.SAME_UNIT, "the case is already with " + c.unit());
        }
        BusinessCalendar calendar = packs.calendarOf(c.jurisdiction());
        AppliedClock forward = c.clockStartingAt(ClockStart.ARRIVAL);
        Instant forwardDueAt = forward == null ? null : SlaClocks.dueFrom(forward, c.arrivedAt(), calendar);
        DeadlineSet startWork = null;
        AppliedClock startWorkRule = c.clockStartingAt(ClockStart.TRANSFER);
        if (startWorkRule != null) {
            ClockDue previous = c.runningClock(startWorkRule.clock());
            if (previous != null) {
                clocks.cancel(previous);
            }
            startWork = clocks.schedule(startWorkRule.clock(), SlaClocks.dueFrom(startWorkRule, now, calendar));
        }
        apply(new ComplaintTransferred(c.complaintId(), c.unit(), command.toUnit(), command.reason(), c.handlerId(),
                command.actor(), now, startWork));
        if (forward != null) {
            if (now.isAfter(forwardDueAt)) {
                apply(new DeadlineBreached(c.complaintId(), forward.clock(), null, forwardDueAt, forwardDueAt, command.actor()));
            }
            apply(new DeadlineMet(c.complaintId(), forward.clock(), null, forwardDueAt, now, command.actor()));
        }
    }

    /** {@code notAfter}: the latest instant a reported time may have (now, plus the tolerated clock skew). */
    public static void recordContact(CaseState c, RecordContact command, Instant notAfter, SlaClocks clocks) {
        requireRole(command.actor(), "record a contact", INTAKE, HANDLER);
        requireOpen(c);
        requireAssignedHandlerIfHandler(c, command.actor());
        if (command.contactedAt().isAfter(notAfter)) {
            throw new BusinessRuleViolation(RefusalCode.TIME_IN_FUTURE, "contactedAt " + command.contactedAt() + " is in the future");
        }
        if (command.contactedAt().isBefore(c.receivedAt())) {
            throw new BusinessRuleViolation(RefusalCode.CONTACT_BEFORE_RECEIPT,
                    "contactedAt " + command.contactedAt() + " is before the complaint was received (" + c.receivedAt() + ")");
        }
        apply(new CustomerContacted(c.complaintId(), command.contactedAt(), command.method(), command.summary(),
                !c.firstContactMade(), command.actor()));
        clocks.stepDone(SlaStep.FIRST_CONTACT, command.contactedAt(), command.actor());
    }

    public static void attachEvidence(CaseState c, AttachEvidence command) {
        requireRole(command.actor(), "attach evidence", HANDLER);
        requireStatus(c, "attach evidence", ASSIGNED, IN_PROGRESS, RESOLUTION_PROPOSED);
        requireAssignedHandler(c, command.actor());
        apply(new EvidenceAttached(c.complaintId(), command.kind(), command.reference(), command.description(),
                command.actor()));
    }

    public static void recordFindings(CaseState c, RecordFindings command) {
        requireRole(command.actor(), "record findings", HANDLER);
        requireStatus(c, "record findings", ASSIGNED, IN_PROGRESS);
        requireAssignedHandler(c, command.actor());
        apply(new FindingsRecorded(c.complaintId(), command.validity(), command.responsibility(), command.rootCause(),
                command.summary(), command.actor()));
    }
}
