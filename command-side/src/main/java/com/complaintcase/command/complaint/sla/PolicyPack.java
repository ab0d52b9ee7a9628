package com.complaintcase.command.complaint.sla;

import com.complaintcase.calendar.BusinessCalendars;
import com.complaintcase.calendar.BusinessCalendar;

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
    /** The default close of business for clocks that end "by close of business" (FCA summary resolution). */
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
     * the calendar, by {@code closeOfBusiness} (null: {@link #CLOSE_OF_BUSINESS}) when {@code endOfBusinessDay}.
     */
    public record ClockRule(SlaClock clock, ClockStart start, Duration limit, int businessDays, boolean endOfBusinessDay,
                            Condition condition, SlaStep metBy, boolean escalateOnBreach, LocalTime closeOfBusiness) {

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
            if (closeOfBusiness == null) {
                closeOfBusiness = CLOSE_OF_BUSINESS;
            }
        }

        public static ClockRule within(SlaClock clock, ClockStart start, Duration limit, Condition condition,
                                       SlaStep metBy, boolean escalateOnBreach) {
            return new ClockRule(clock, start, limit, 0, false, condition, metBy, escalateOnBreach, null);
        }

        public static ClockRule withinBusinessDays(SlaClock clock, ClockStart start, int days, boolean endOfBusinessDay,
                                                   Condition condition, SlaStep metBy, boolean escalateOnBreach) {
            return withinBusinessDays(clock, start, days, endOfBusinessDay, CLOSE_OF_BUSINESS, condition, metBy,
                    escalateOnBreach);
        }

        public static ClockRule withinBusinessDays(SlaClock clock, ClockStart start, int days, boolean endOfBusinessDay,
                                                   LocalTime closeOfBusiness, Condition condition, SlaStep metBy,
                                                   boolean escalateOnBreach) {
            return new ClockRule(clock, start, null, days, endOfBusinessDay, condition, metBy, escalateOnBreach,
                    closeOfBusiness);
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
                    ? calendar.endOfBusinessDay(from, businessDays, closeOfBusiness)
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
     * on site, the customer answered and the result reported within the settings' times (1, 4 and 8 hours by
     * default) from registration; a complaint the unit cannot handle forwarded within the forward limit (1 hour) of
     * its arrival there, the receiving unit starting work (assigning a handler) within the start-work limit (2 hours)
     * of the transfer, and for a branch-handled complaint the branch's reply to the customer within the branch-reply
     * working days (1) of registration. The pack's version is the settings' version, else {@code version}.
     */
    public static PolicyPack bankInternal(int version, Duration firstContact, Duration resolution, int maxExtensionDays) {
        return bankInternal(version, firstContact, resolution, maxExtensionDays, PackSettings.BankInternal.DEFAULTS);
    }

    public static PolicyPack bankInternal(int version, Duration firstContact, Duration resolution, int maxExtensionDays,
                                          PackSettings.BankInternal settings) {
        return new PolicyPack(BANK_INTERNAL, settings.version() == null ? version : settings.version(),
                BusinessCalendars.BANK, List.of(
                ClockRule.within(SlaClock.FIRST_CONTACT, ClockStart.REGISTRATION, firstContact, Condition.ALWAYS,
                        SlaStep.FIRST_CONTACT, true),
                ClockRule.within(SlaClock.RESOLUTION, ClockStart.RECEIPT, resolution, Condition.ALWAYS,
                        SlaStep.RESOLUTION_PROPOSED, true),
                ClockRule.within(SlaClock.INCIDENT_ON_SITE, ClockStart.REGISTRATION, settings.incidentOnSite(),
                        Condition.INCIDENT, SlaStep.HANDLER_ASSIGNED, true),
                ClockRule.within(SlaClock.INCIDENT_CUSTOMER_ANSWERED, ClockStart.REGISTRATION,
                        settings.incidentCustomerAnswered(), Condition.INCIDENT, SlaStep.FIRST_CONTACT, true),
                ClockRule.within(SlaClock.INCIDENT_RESULT_REPORTED, ClockStart.REGISTRATION,
                        settings.incidentResultReported(), Condition.INCIDENT, SlaStep.RESOLUTION_PROPOSED, true),
                ClockRule.within(SlaClock.FORWARD, ClockStart.ARRIVAL, settings.forwardLimit(), Condition.ALWAYS,
                        SlaStep.TRANSFERRED, false),
                ClockRule.within(SlaClock.START_WORK, ClockStart.TRANSFER, settings.startWorkLimit(), Condition.ALWAYS,
                        SlaStep.HANDLER_ASSIGNED, true),
                ClockRule.withinBusinessDays(SlaClock.BRANCH_REPLY, ClockStart.BRANCH_REVIEW,
                        settings.branchReplyWorkingDays(), false, Condition.ALWAYS, SlaStep.RESOLUTION_PROPOSED, true)),
                maxExtensionDays > 0
                        ? new ExtensionRule(SlaClock.RESOLUTION, Condition.ALWAYS, maxExtensionDays, 0, false, 0, null)
                        : null);
    }

    /**
     * NFRA: a decision within 15 days of receipt; a supervisor may extend to 30 days (the reason is what the customer
     * is told), a further 30 only with the head office's approval, never beyond 60 days from receipt (by default).
     */
    public static PolicyPack cnNfra() {
        return cnNfra(PackSettings.CnNfra.DEFAULTS);
    }

    public static PolicyPack cnNfra(PackSettings.CnNfra settings) {
        return new PolicyPack(CN_NFRA, settings.version(), "CN", List.of(
                ClockRule.within(SlaClock.RESOLUTION, ClockStart.RECEIPT, settings.decisionLimit(), Condition.ALWAYS,
                        SlaStep.RESOLUTION_PROPOSED, true)),
                new ExtensionRule(SlaClock.RESOLUTION, Condition.ALWAYS, (int) settings.supervisorExtension().toDays(),
                        (int) settings.headOfficeExtension().toDays(), false, 0, settings.absoluteLimit()));
    }

    /**
     * FCA DISP 1.5/1.6: a summary resolution (accepted) by close of the 3rd business day (no escalation: the case
     * simply goes on as an ordinary complaint); a final response within 8 weeks; for payment services within 15
     * business days, or 35 with a holding reply (one extension of 20 business days); by default.
     */
    public static PolicyPack ukFca() {
        return ukFca(PackSettings.UkFca.DEFAULTS);
    }

    public static PolicyPack ukFca(PackSettings.UkFca settings) {
        return new PolicyPack(UK_FCA, settings.version(), "UK", List.of(
                ClockRule.withinBusinessDays(SlaClock.SUMMARY_RESOLUTION, ClockStart.RECEIPT,
                        settings.summaryBusinessDays(), true, settings.closeOfBusiness(), Condition.ALWAYS,
                        SlaStep.RESOLUTION_ACCEPTED, false),
                ClockRule.within(SlaClock.FINAL_RESPONSE, ClockStart.RECEIPT, settings.finalResponseLimit(),
                        Condition.NOT_PAYMENT_SERVICES, SlaStep.RESOLUTION_PROPOSED, true),
                ClockRule.withinBusinessDays(SlaClock.FINAL_RESPONSE, ClockStart.RECEIPT,
                        settings.paymentServicesBusinessDays(), false, Condition.PAYMENT_SERVICES,
                        SlaStep.RESOLUTION_PROPOSED, true)),
                settings.paymentServicesExtensionBusinessDays() > 0
                        ? new ExtensionRule(SlaClock.FINAL_RESPONSE, Condition.PAYMENT_SERVICES,
                                settings.paymentServicesExtensionBusinessDays(), 0, true, 1, null)
                        : null);
    }

    /** CFPB: the company's response within 15 days, the final one within 60 (by default); no extension. */
    public static PolicyPack usCfpb() {
        return usCfpb(PackSettings.UsCfpb.DEFAULTS);
    }

    public static PolicyPack usCfpb(PackSettings.UsCfpb settings) {
        return new PolicyPack(US_CFPB, settings.version(), "US", List.of(
                ClockRule.within(SlaClock.RESPONSE, ClockStart.RECEIPT, settings.responseLimit(), Condition.ALWAYS,
                        SlaStep.FIRST_CONTACT, true),
                ClockRule.within(SlaClock.RESOLUTION, ClockStart.RECEIPT, settings.finalLimit(), Condition.ALWAYS,
                        SlaStep.RESOLUTION_PROPOSED, true)),
                null);
    }
}
