package com.complaintcase.command.complaint.escalation;

import com.complaintcase.casemodel.CaseState;
import com.complaintcase.casemodel.CaseState.ClockDue;
import com.complaintcase.command.complaint.BusinessRuleViolation;
import com.complaintcase.command.complaint.RefusalCode;
import com.complaintcase.command.complaint.SlaDeadlineDue;
import com.complaintcase.command.complaint.sla.PolicyPacks;
import com.complaintcase.command.complaint.sla.SlaClocks;
import com.complaintcase.events.complaint.AppliedClock;
import com.complaintcase.events.complaint.AppliedExtension;
import com.complaintcase.events.complaint.ComplaintEscalated;
import com.complaintcase.events.complaint.DeadlineBreached;
import com.complaintcase.events.complaint.DeadlineExtended;
import com.complaintcase.events.complaint.DeadlineSet;
import com.complaintcase.values.Actor;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.EscalationReason;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.InvalidValueException;
import com.complaintcase.values.SlaClock;

import java.time.Duration;
import java.time.Instant;

import static com.complaintcase.command.complaint.CaseRules.*;
import static com.complaintcase.values.Role.*;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Escalation (domain brief, section 5): one level up the ladder, by a person or by the system, never beyond the
 * report to the regulator; and the extension of a deadline within the case's policy pack.
 */
public final class Escalation {

    private Escalation() {
    }

    public static void escalate(CaseState c, EscalateComplaint command, SlaClocks clocks) {
        requireRole(command.actor(), "escalate a complaint", INTAKE, HANDLER, SUPERVISOR, SYSTEM);
        requireOpen(c);
        requireAssignedHandlerIfHandler(c, command.actor());
        HandlingLevel next = c.level().next().orElseThrow(() -> new BusinessRuleViolation(
                RefusalCode.ESCALATION_BEYOND_TOP_LEVEL, "the case is already at the top level, " + c.level()));
        escalateTo(c, new ComplaintEscalated(c.complaintId(), c.level(), next, command.reason(), command.note(),
                command.actor()), clocks);
    }

    /**
     * The system takes the case one level up from {@code from}; at the top level (a report to the regulator) it
     * never does, and records nothing. Every automatic escalation goes through here.
     */
    public static void escalateBySystem(CaseState c, ComplaintId id, HandlingLevel from, EscalationReason reason,
                                        String note, SlaClocks clocks) {
        from.next().ifPresent(next -> escalateTo(c, new ComplaintEscalated(id, from, next, reason, note, Actor.SYSTEM),
                clocks));
    }

    /**
     * Records an escalation. A case taken above the branch is no longer the branch's to reply to: its branch reply
     * clock stops (its deadline is cancelled; nothing is recorded but the escalation, which the clock's state follows).
     */
    private static void escalateTo(CaseState c, ComplaintEscalated escalation, SlaClocks clocks) {
        ClockDue branchReply = c.runningClock(SlaClock.BRANCH_REPLY);
        apply(escalation);
        if (branchReply != null && c.runningClock(SlaClock.BRANCH_REPLY) == null) {
            clocks.cancel(branchReply);
        }
    }

    /**
     * A supervisor extends the deadline the pack lets be extended: within the days a supervisor may grant in all, more
     * only with the head office's approval, at most as often as the pack allows and never beyond its limit from receipt.
     * Each of these refusals is {@code EXTENSION_BEYOND_POLICY} (the contract's one code for them); the detail says which.
     */
    public static void extendDeadline(CaseState c, ExtendDeadline command, PolicyPacks packs, SlaClocks clocks) {
        requireRole(command.actor(), "extend a deadline", SUPERVISOR);
        requireOpen(c);
        AppliedExtension extension = requireExtensible(c);
        ClockDue running = clocks.requireRunning(extension.clock());
        if (command.days() < 1) {
            throw new InvalidValueException("days", "must be at least 1");
        }
        requireWithinDays(c, command);
        requireGrantLeft(c);
        Instant newDueAt = extension.businessDays()
                ? packs.calendarOf(c.jurisdiction()).plusWorkingDays(running.dueAt(), command.days())
                : running.dueAt().plus(Duration.ofDays(command.days()));
        requireWithinLimitFromReceipt(c, newDueAt);
        clocks.cancel(running);
        DeadlineSet rescheduled = clocks.schedule(extension.clock(), newDueAt);
        apply(new DeadlineExtended(c.complaintId(), extension.clock(), running.dueAt(), newDueAt,
                command.days(), command.reason(), running.deadlineId(), rescheduled.deadlineId(), command.actor()));
    }

    private static AppliedExtension requireExtensible(CaseState c) {
        if (c.extension() == null) {
            throw new BusinessRuleViolation(RefusalCode.EXTENSION_BEYOND_POLICY,
                    "the policy the case was registered under allows no extension of its deadlines");
        }
        return c.extension();
    }

    /** Within the days allowed in all; beyond the supervisor's, the head office's approval is needed (CN NFRA). */
    private static void requireWithinDays(CaseState c, ExtendDeadline command) {
        if (c.extensionWithinDays(command.days(), command.headOfficeApproval())) {
            return;
        }
        AppliedExtension extension = c.extension();
        String needsHeadOffice = c.extensionNeedsHeadOfficeApproval(command.headOfficeApproval())
                ? " (" + extension.headOfficeDays() + " more with the head office's approval)" : "";
        throw new BusinessRuleViolation(RefusalCode.EXTENSION_BEYOND_POLICY,
                "the policy allows " + c.extensionDaysAllowed(command.headOfficeApproval())
                        + (extension.businessDays() ? " business" : "") + " days of extension in all"
                        + needsHeadOffice
                        + "; " + c.extensionDaysGranted() + " already granted, " + command.days() + " requested");
    }

    private static void requireGrantLeft(CaseState c) {
        if (c.extensionGrantsUsedUp()) {
            throw new BusinessRuleViolation(RefusalCode.EXTENSION_BEYOND_POLICY,
                    "the policy allows " + c.extension().maxGrants() + " extension(s) only");
        }
    }

    private static void requireWithinLimitFromReceipt(CaseState c, Instant newDueAt) {
        Instant latest = c.latestDueFromReceipt();
        if (latest != null && newDueAt.isAfter(latest)) {
            throw new BusinessRuleViolation(RefusalCode.EXTENSION_BEYOND_POLICY,
                    "the policy never allows a deadline beyond " + c.extension().maxFromReceipt().toDays()
                            + " days from receipt (" + latest + ")");
        }
    }

    /**
     * A clock's limit passed with its step not done: the breach is recorded at that moment, and the case goes one
     * level up (by the system) unless it is at the top already, or the clock lapses without escalation.
     */
    public static void deadlinePassed(CaseState c, SlaDeadlineDue due) {
        ClockDue running = c.runningClock(due.clock());
        if (running == null || !running.dueAt().equals(due.dueAt()) || !c.isOpen()) {
            return;
        }
        apply(new DeadlineBreached(c.complaintId(), due.clock(), running.deadlineId(), running.dueAt(), running.dueAt(),
                Actor.SYSTEM));
        AppliedClock rule = c.clockRule(due.clock());
        if (rule != null && !rule.escalateOnBreach()) {
            return;
        }
        escalateBySystem(c, c.complaintId(), c.level(), EscalationReason.SLA_BREACH,
                "the " + due.clock() + " limit passed at " + due.dueAt(), new SlaClocks(c.complaintId(), c, null));
    }
}
