package com.complaintcase.command.complaint.sla;

import com.complaintcase.events.complaint.AppliedClock;
import com.complaintcase.events.complaint.AppliedExtension;
import com.complaintcase.values.ClockStart;
import com.complaintcase.values.SlaClock;
import com.complaintcase.values.SlaStep;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

/**
 * A named and versioned set of SLA clocks a case is registered under, counted in the business calendar of
 * {@link #jurisdiction}, with the rule by which its deadline may be extended ({@code extension} null: never).
 */
public record PolicyPack(String name, int version, String jurisdiction, List<ClockRule> clocks, ExtensionRule extension) {

    public static final String BANK_INTERNAL = "BANK_INTERNAL";
    public static final String CN_NFRA = "CN_NFRA";
    public static final String UK_FCA = "UK_FCA";
    public static final String US_CFPB = "US_CFPB";
    /** The close of business for clocks that end "by close of business" (FCA summary resolution). */
    public static final LocalTime CLOSE_OF_BUSINESS = LocalTime.of(17, 0);

    /** When a clock (or an extension rule) applies to a case. */
    public enum Condition {
        ALWAYS, INCIDENT, PAYMENT_SERVICES, NOT_PAYMENT_SERVICES;

        public boolean holds(boolean incident, boolean paymentServices) {
            return switch (this) {
                case ALWAYS -> true;
                case INCIDENT -> incident;
                case PAYMENT_SERVICES -> paymentServices;
                case NOT_PAYMENT_SERVICES -> !paymentServices;
            };
        }
    }

    /**
     * One clock: from {@code start}, a {@code limit} in clock time, or (limit null) {@code businessDays} working days of
     * the calendar, by {@link #CLOSE_OF_BUSINESS} when {@code endOfBusinessDay}.
     */
    public record ClockRule(SlaClock clock, ClockStart start, Duration limit, int businessDays, boolean endOfBusinessDay,
                            Condition condition, SlaStep metBy, boolean escalateOnBreach) {

        public ClockRule {
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(condition, "condition");
            Objects.requireNonNull(metBy, "metBy");
            if (clock == SlaClock.ENTRY) {
                throw new IllegalArgumentException("the ENTRY clock is not scheduled by a pack");
            }
            if (limit == null ? businessDays < 0 : (limit.isZero() || limit.isNegative())) {
                throw new IllegalArgumentException(clock + " needs a positive limit or business days");
            }
        }

        public static ClockRule within(SlaClock clock, ClockStart start, Duration limit, Condition condition,
                                       SlaStep metBy, boolean escalateOnBreach) {
            return new ClockRule(clock, start, limit, 0, false, condition, metBy, escalateOnBreach);
        }

        public static ClockRule withinBusinessDays(SlaClock clock, ClockStart start, int days, boolean endOfBusinessDay,
                                                   Condition condition, SlaStep metBy, boolean escalateOnBreach) {
            return new ClockRule(clock, start, null, days, endOfBusinessDay, condition, metBy, escalateOnBreach);
        }

        /** The due time of a clock counted from receipt, registration or (BRANCH_REVIEW) registration. */
        public Instant dueAt(Instant receivedAt, Instant registeredAt, BusinessCalendar calendar) {
            return dueFrom(start == ClockStart.RECEIPT ? receivedAt : registeredAt, calendar);
        }

        /** The due time of this clock counted from {@code from}. */
        public Instant dueFrom(Instant from, BusinessCalendar calendar) {
            if (limit != null) {
                return calendar.plusHours(from, limit);
            }
            return endOfBusinessDay
                    ? calendar.endOfBusinessDay(from, businessDays, CLOSE_OF_BUSINESS)
                    : calendar.plusWorkingDays(from, businessDays);
        }

        public AppliedClock applied() {
            return new AppliedClock(clock, start, limit, businessDays, endOfBusinessDay, metBy, escalateOnBreach);
        }
    }

    /**
     * A supervisor may extend {@code clock} by up to {@code supervisorDays} in all; {@code headOfficeDays} more only with
     * the head office's approval; in working days when {@code businessDays}; at most {@code maxGrants} times (0: any
     * number); never beyond {@code maxFromReceipt} after receipt (null: no such limit). Applies when
     * {@code condition} holds.
     */
    public record ExtensionRule(SlaClock clock, Condition condition, int supervisorDays, int headOfficeDays,
                                boolean businessDays, int maxGrants, Duration maxFromReceipt) {

        public ExtensionRule {
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(condition, "condition");
            if (supervisorDays < 0 || headOfficeDays < 0 || maxGrants < 0) {
                throw new IllegalArgumentException("extension days and grants must not be negative");
            }
        }

        public AppliedExtension applied() {
            return new AppliedExtension(clock, supervisorDays, headOfficeDays, businessDays, maxGrants, maxFromReceipt);
        }
    }

    public PolicyPack {
        if (name == null || name.isBlank() || version < 1) {
            throw new IllegalArgumentException("a policy pack needs a name and a version of 1 or more");
        }
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        clocks = List.copyOf(clocks);
    }

    /** The clocks that apply to a case, in the pack's order. */
    public List<ClockRule> applicable(boolean incident, boolean paymentServices) {
        return clocks.stream().filter(rule -> rule.condition().holds(incident, paymentServices)).toList();
    }

    /** The extension rule that applies to a case, if any. */
    public AppliedExtension applicableExtension(boolean incident, boolean paymentServices) {
        return extension != null && extension.condition().holds(incident, paymentServices) ? extension.applied() : null;
    }

    /**
     * The bank's own procedures: first contact within {@code firstContact} of registration, a decision within
     * {@code resolution} of receipt (extendable by a supervisor by {@code maxExtensionDays}); in incident mode someone
     * on site within 1 hour, the customer answered within 4 and the result reported within 8, from registration; a
     * complaint the unit cannot handle forwarded within 1 hour of its arrival there, the receiving unit starting work
     * (assigning a handler) within 2 hours of the transfer, and for a branch-handled complaint the branch's reply to
     * the customer within 1 working day of registration.
     */
    public static PolicyPack bankInternal(int version, Duration firstContact, Duration resolution, int maxExtensionDays) {
        return new PolicyPack(BANK_INTERNAL, version, BusinessCalendars.BANK, List.of(
                ClockRule.within(SlaClock.FIRST_CONTACT, ClockStart.REGISTRATION, firstContact, Condition.ALWAYS,
                        SlaStep.FIRST_CONTACT, true),
                ClockRule.within(SlaClock.RESOLUTION, ClockStart.RECEIPT, resolution, Condition.ALWAYS,
                        SlaStep.RESOLUTION_PROPOSED, true),
                ClockRule.within(SlaClock.INCIDENT_ON_SITE, ClockStart.REGISTRATION, Duration.ofHours(1),
                        Condition.INCIDENT, SlaStep.HANDLER_ASSIGNED, true),
                ClockRule.within(SlaClock.INCIDENT_CUSTOMER_ANSWERED, ClockStart.REGISTRATION, Duration.ofHours(4),
                        Condition.INCIDENT, SlaStep.FIRST_CONTACT, true),
                ClockRule.within(SlaClock.INCIDENT_RESULT_REPORTED, ClockStart.REGISTRATION, Duration.ofHours(8),
                        Condition.INCIDENT, SlaStep.RESOLUTION_PROPOSED, true),
                ClockRule.within(SlaClock.FORWARD, ClockStart.ARRIVAL, Duration.ofHours(1), Condition.ALWAYS,
                        SlaStep.TRANSFERRED, false),
                ClockRule.within(SlaClock.START_WORK, ClockStart.TRANSFER, Duration.ofHours(2), Condition.ALWAYS,
                        SlaStep.HANDLER_ASSIGNED, true),
                ClockRule.withinBusinessDays(SlaClock.BRANCH_REPLY, ClockStart.BRANCH_REVIEW, 1, false,
                        Condition.ALWAYS, SlaStep.RESOLUTION_PROPOSED, true)),
                maxExtensionDays > 0
                        ? new ExtensionRule(SlaClock.RESOLUTION, Condition.ALWAYS, maxExtensionDays, 0, false, 0, null)
                        : null);
    }

    /**
     * NFRA: a decision within 15 days of receipt; a supervisor may extend to 30 days (the reason is what the customer
     * is told), a further 30 only with the head office's approval, never beyond 60 days from receipt.
     */
    public static PolicyPack cnNfra() {
        return new PolicyPack(CN_NFRA, 1, "CN", List.of(
                ClockRule.within(SlaClock.RESOLUTION, ClockStart.RECEIPT, Duration.ofDays(15), Condition.ALWAYS,
                        SlaStep.RESOLUTION_PROPOSED, true)),
                new ExtensionRule(SlaClock.RESOLUTION, Condition.ALWAYS, 15, 30, false, 0, Duration.ofDays(60)));
    }

    /**
     * FCA DISP 1.5/1.6: a summary resolution (accepted) by close of the 3rd business day (no escalation: the case
     * simply goes on as an ordinary complaint); a final response within 8 weeks; for payment services within 15
     * business days, or 35 with a holding reply (one extension of 20 business days).
     */
    public static PolicyPack ukFca() {
        return new PolicyPack(UK_FCA, 1, "UK", List.of(
                ClockRule.withinBusinessDays(SlaClock.SUMMARY_RESOLUTION, ClockStart.RECEIPT, 3, true, Condition.ALWAYS,
                        SlaStep.RESOLUTION_ACCEPTED, false),
                ClockRule.within(SlaClock.FINAL_RESPONSE, ClockStart.RECEIPT, Duration.ofDays(56),
                        Condition.NOT_PAYMENT_SERVICES, SlaStep.RESOLUTION_PROPOSED, true),
                ClockRule.withinBusinessDays(SlaClock.FINAL_RESPONSE, ClockStart.RECEIPT, 15, false,
                        Condition.PAYMENT_SERVICES, SlaStep.RESOLUTION_PROPOSED, true)),
                new ExtensionRule(SlaClock.FINAL_RESPONSE, Condition.PAYMENT_SERVICES, 20, 0, true, 1, null));
    }

    /** CFPB: the company's response within 15 days, the final one within 60; no extension. */
    public static PolicyPack usCfpb() {
        return new PolicyPack(US_CFPB, 1, "US", List.of(
                ClockRule.within(SlaClock.RESPONSE, ClockStart.RECEIPT, Duration.ofDays(15), Condition.ALWAYS,
                        SlaStep.FIRST_CONTACT, true),
                ClockRule.within(SlaClock.RESOLUTION, ClockStart.RECEIPT, Duration.ofDays(60), Condition.ALWAYS,
                        SlaStep.RESOLUTION_PROPOSED, true)),
                null);
    }
}
