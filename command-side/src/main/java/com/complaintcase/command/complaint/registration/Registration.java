package com.complaintcase.command.complaint.registration;

import com.complaintcase.casemodel.ArrivalReasons;
import com.complaintcase.casemodel.CaseState;
import com.complaintcase.command.complaint.BusinessRuleViolation;
import com.complaintcase.command.complaint.ComplaintPolicy;
import com.complaintcase.command.complaint.RefusalCode;
import com.complaintcase.command.complaint.RelatedFindings;
import com.complaintcase.command.complaint.StateConflict;
import com.complaintcase.command.complaint.escalation.Escalation;
import com.complaintcase.calendar.BusinessCalendar;
import com.complaintcase.command.complaint.sla.PolicyPack;
import com.complaintcase.command.complaint.sla.PolicyPacks;
import com.complaintcase.command.complaint.sla.SlaClocks;
import com.complaintcase.events.complaint.AppliedClock;
import com.complaintcase.events.complaint.AppliedPolicy;
import com.complaintcase.events.complaint.ComplaintEnteredLate;
import com.complaintcase.events.complaint.ComplaintRegistered;
import com.complaintcase.events.complaint.DeadlineSet;
import com.complaintcase.values.EscalationReason;
import com.complaintcase.values.HandlingLevel;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.complaintcase.command.complaint.CaseRules.requireRole;
import static com.complaintcase.values.Role.*;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Registration (domain brief, section 4): a complaint entered into the system under the policy pack its channel and
 * branch choose, with the clocks that pack starts, late entry explained, and escalated on arrival when it weighs
 * more.
 */
public final class Registration {

    private Registration() {
    }

    /**
     * Registers a complaint; {@code now} is the moment of entry into the system, {@code related} what was found
     * about other cases (a repeat, a group) under the policy's windows. {@code c} is the case being created: no
     * event is applied to it before the registration is done.
     */
    public static void register(CaseState c, RegisterComplaint command, ComplaintPolicy policy, PolicyPacks packs,
                                RelatedFindings related, Instant now, SlaClocks clocks) {
        requireRole(command.actor(), "register a complaint", INTAKE, HANDLER, SUPERVISOR);
        requireSubcategoryOfCategory(command);
        requireNotReceivedInFuture(command.receivedAt(), now, policy.receiptClockSkew());
        Duration sinceReceipt = Duration.between(command.receivedAt(), now);
        boolean late = sinceReceipt.compareTo(policy.entryLimit()) > 0;
        if (late) {
            requireLateEntryReason(command.lateEntryReason(), policy.entryLimit());
        }
        PolicyPack pack = packs.packFor(command.channel(), command.branchCode());
        boolean incident = command.flags() != null && command.flags().isIncident();
        boolean paymentServices = packs.isPaymentServices(command.subcategory());
        BusinessCalendar calendar = packs.calendarOf(pack.jurisdiction());
        List<DeadlineSet> deadlines = new ArrayList<>();
        List<AppliedClock> applied = new ArrayList<>();
        for (PolicyPack.ClockRule rule : pack.applicable(incident, paymentServices)) {
            applied.add(rule.applied());
            if (rule.start().startsAtRegistration()) {
                deadlines.add(clocks.schedule(rule.clock(), rule.dueAt(command.receivedAt(), now, calendar)));
            }
        }
        AppliedPolicy base = policy.applied();
        AppliedPolicy appliedPolicy = new AppliedPolicy(pack.name(), pack.version(), base.entryLimit(),
                base.firstContactLimit(), base.resolutionLimit(), base.maxExtension(), pack.jurisdiction(), applied,
                pack.applicableExtension(incident, paymentServices));
        apply(new ComplaintRegistered(
                command.complaintId(), command.receivedAt(), now, command.channel(), command.branchCode(),
                command.customer(), command.category(), command.subcategory(), command.rootIssue(),
                command.description(), command.requestedRemedy(), command.flags(), HandlingLevel.BRANCH,
                appliedPolicy, deadlines, command.fingerprint(), command.actor(), command.product()));
        if (late) {
            apply(new ComplaintEnteredLate(command.complaintId(), command.receivedAt(), now, policy.entryLimit(),
                    sinceReceipt.minus(policy.entryLimit()), command.lateEntryReason(), command.actor()));
        }
        escalateOnArrival(c, command, policy, related, clocks);
    }

    /**
     * A registration sent again under an existing id: the same request gets the original version back,
     * a different one is refused.
     */
    public static long repeat(CaseState c, RegisterComplaint command) {
        requireRole(command.actor(), "register a complaint", INTAKE, HANDLER, SUPERVISOR);
        if (!c.registrationFingerprint().equals(command.fingerprint())) {
            throw new StateConflict(RefusalCode.DUPLICATE_COMPLAINT_ID,
                    "complaint " + c.complaintId() + " was already registered with different content");
        }
        return c.registrationVersion();
    }

    /**
     * A complaint that came through an outside channel, skipped a level (越级投诉), comes with a threat to go to
     * the media, repeats a recently closed case of the same customer, or is part of a group complaint (群体性投诉)
     * weighs more (domain brief, sections 2 and 5): the system escalates it as it is registered. One level only,
     * however many of these reasons apply: they all say the same thing, that the case belongs above the branch;
     * the first applicable reason (outside channel, skipped level, media threat, repeat complaint, group complaint)
     * is recorded as the reason, and the note names them all, with what was found for a repeat or a group.
     */
    private static void escalateOnArrival(CaseState c, RegisterComplaint command, ComplaintPolicy policy,
                                          RelatedFindings related, SlaClocks clocks) {
        Map<EscalationReason, String> reasons = ArrivalReasons.of(command.channel(), command.flags());
        reasons.putAll(reasonsOtherCasesGive(command, policy, related));
        if (reasons.isEmpty()) {
            return;
        }
        // the state is not applied yet while the case is being created: it is registered at branch level
        Escalation.escalateBySystem(c, command.complaintId(), HandlingLevel.BRANCH, reasons.keySet().iterator().next(),
                "escalated on registration for " + String.join(", ", reasons.values()), clocks);
    }

    /**
     * The reasons other cases give, in order, each with the words the note uses for it: the same customer's case
     * about the same subcategory closed within the repeat window; a group complaint at the same branch and
     * subcategory, or for the same incident.
     */
    private static Map<EscalationReason, String> reasonsOtherCasesGive(RegisterComplaint command, ComplaintPolicy policy,
                                                                       RelatedFindings related) {
        Map<EscalationReason, String> reasons = new LinkedHashMap<>();
        if (related == null) {
            return reasons;
        }
        if (related.repeatOf() != null) {
            reasons.put(EscalationReason.REPEAT_COMPLAINT, EscalationReason.REPEAT_COMPLAINT + " (the customer's case "
                    + related.repeatOf() + " about " + command.subcategory() + " was closed within "
                    + describe(policy.repeatWindow()) + ")");
        }
        List<String> groups = new ArrayList<>();
        if (isGroupComplaint(related.customersAtBranchAndSubcategory(), policy)) {
            groups.add(related.customersAtBranchAndSubcategory() + " customers about " + command.subcategory()
                    + " at " + command.branchCode());
        }
        if (command.flags().isIncident() && isGroupComplaint(related.customersWithIncident(), policy)) {
            groups.add(related.customersWithIncident() + " customers about incident " + command.flags().incidentCode());
        }
        if (!groups.isEmpty()) {
            reasons.put(EscalationReason.GROUP_COMPLAINT, EscalationReason.GROUP_COMPLAINT + " ("
                    + String.join(" and ", groups) + " within " + describe(policy.groupWindow()) + ")");
        }
        return reasons;
    }

    /**
     * A group complaint (群体性投诉): the policy's threshold of different customers reached within the group window,
     * the new customer counted in (a threshold of 3 is reached by the third customer's registration).
     */
    static boolean isGroupComplaint(int customersIncludingTheNewOne, ComplaintPolicy policy) {
        return customersIncludingTheNewOne >= policy.groupThreshold();
    }

    /** A window in words: whole days as days, anything else in ISO-8601. */
    private static String describe(Duration window) {
        if (window.equals(Duration.ofDays(window.toDays()))) {
            return window.toDays() == 1 ? "1 day" : window.toDays() + " days";
        }
        return window.toString();
    }

    private static void requireSubcategoryOfCategory(RegisterComplaint command) {
        if (!command.subcategory().belongsTo(command.category())) {
            throw new BusinessRuleViolation(RefusalCode.SUBCATEGORY_MISMATCH,
                    command.subcategory() + " belongs to " + command.subcategory().category() + ", not " + command.category());
        }
    }

    private static void requireNotReceivedInFuture(Instant receivedAt, Instant now, Duration skew) {
        if (receivedAt.isAfter(now.plus(skew))) {
            throw new BusinessRuleViolation(RefusalCode.RECEIVED_IN_FUTURE, "receivedAt " + receivedAt + " is in the future");
        }
    }

    private static void requireLateEntryReason(String reason, Duration entryLimit) {
        if (reason == null || reason.isBlank()) {
            throw new BusinessRuleViolation(RefusalCode.LATE_ENTRY_REASON_REQUIRED,
                    "a complaint must be entered within " + entryLimit.toHours() + " hours of receipt; give a lateEntryReason");
        }
    }
}
