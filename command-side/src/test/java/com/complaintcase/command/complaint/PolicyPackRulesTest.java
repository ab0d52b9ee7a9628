package com.complaintcase.command.complaint;

import com.complaintcase.command.complaint.escalation.ExtendDeadline;
import com.complaintcase.command.complaint.registration.RegisterComplaint;
import com.complaintcase.calendar.BusinessCalendars;
import com.complaintcase.command.complaint.sla.PackSettings;
import com.complaintcase.command.complaint.sla.PolicyPack;
import com.complaintcase.command.complaint.sla.PolicyPacks;
import com.complaintcase.command.complaint.sla.TestPacks;
import com.complaintcase.events.complaint.ComplaintEscalated;
import com.complaintcase.events.complaint.DeadlineBreached;
import com.complaintcase.events.complaint.DeadlineExtended;
import com.complaintcase.events.complaint.DeadlineMet;
import com.complaintcase.events.complaint.HandlerAssigned;
import com.complaintcase.events.complaint.ResolutionAccepted;
import com.complaintcase.events.complaint.ResolutionProposed;
import com.complaintcase.values.BranchCode;
import com.complaintcase.values.Category;
import com.complaintcase.values.Channel;
import com.complaintcase.values.ComplaintFlags;
import com.complaintcase.values.EscalationReason;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.RootIssue;
import com.complaintcase.values.SlaClock;
import com.complaintcase.values.Subcategory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static com.complaintcase.command.complaint.Actors.*;
import static com.complaintcase.command.complaint.CaseHistory.*;
import static com.complaintcase.command.complaint.ComplaintCommands.*;
import static com.complaintcase.command.complaint.Moments.NOW;
import static com.complaintcase.command.complaint.RefusalMatcher.refusedWith;
import static com.complaintcase.command.complaint.RegisterComplaintBuilder.CASE_ID;
import static com.complaintcase.command.complaint.RegisterComplaintBuilder.aComplaint;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policy packs (BANK_INTERNAL, CN_NFRA, UK_FCA, US_CFPB): which one a case is registered under, the clocks each
 * schedules, the steps that meet them, what a breach does and how far the deadline may be extended.
 * {@link Moments#NOW} is Friday 20 November 2026, 09:15 UTC; the complaints are received an hour before.
 */
class PolicyPackRulesTest extends ComplaintRulesTest {

    private static final Instant RECEIVED = Moments.hoursAgo(1);
    private static final BranchCode UK_BRANCH = BranchCode.of("BR-0303");
    private static final BranchCode US_BRANCH = BranchCode.of("BR-0404");

    private PolicyPacks packs;

    private void usePacks(String defaultPack) {
        packs = TestPacks.choosing(CaseHistory.PACKS, defaultPack, Map.of(Channel.EMAIL, PolicyPack.US_CFPB),
                Map.of(UK_BRANCH.value(), PolicyPack.UK_FCA, US_BRANCH.value(), PolicyPack.US_CFPB));
        useFixtureWith(POLICY, packs);
    }

    @BeforeEach
    void bankInternalByDefault() {
        usePacks(PolicyPack.BANK_INTERNAL);
    }

    private static SlaDeadlineDue due(SlaClock clock, Instant dueAt) {
        return new SlaDeadlineDue(clock, dueAt);
    }

    private static List<Object> registeredAndAssigned(RegisterComplaint registration, Object... furtherCommands) {
        List<Object> commands = new ArrayList<>(List.of(registration, reviewAsComplaint(SUPERVISOR1), assign(SUPERVISOR1, HANDLER1)));
        commands.addAll(Arrays.asList(furtherCommands));
        return commands;
    }

    private static DeadlineBreached breachBySystem(SlaClock clock, String deadlineId, Instant dueAt) {
        return new DeadlineBreached(CASE_ID, clock, deadlineId, dueAt, dueAt, SYSTEM);
    }

    private static ComplaintEscalated escalatedBySystem(HandlingLevel from, HandlingLevel to, SlaClock clock, Instant dueAt) {
        return new ComplaintEscalated(CASE_ID, from, to, EscalationReason.SLA_BREACH, slaBreachNote(clock, dueAt), SYSTEM);
    }

    private static ExtendDeadline extend(int days, boolean headOfficeApproval) {
        return new ExtendDeadline(CASE_ID, null, SUPERVISOR1, days, EXTENSION_REASON, headOfficeApproval);
    }

    @Nested
    class Selection {

        @Test
        void the_branch_chooses_before_the_channel_and_the_channel_before_the_default() {
            assertThat(packs.packFor(Channel.PHONE, RegisterComplaintBuilder.HOME_BRANCH).name()).isEqualTo(PolicyPack.BANK_INTERNAL);
            assertThat(packs.packFor(Channel.EMAIL, RegisterComplaintBuilder.HOME_BRANCH).name()).isEqualTo(PolicyPack.US_CFPB);
            assertThat(packs.packFor(Channel.EMAIL, UK_BRANCH).name()).isEqualTo(PolicyPack.UK_FCA);
            assertThat(packs.packFor(Channel.PHONE, US_BRANCH).name()).isEqualTo(PolicyPack.US_CFPB);
        }

        @Test
        void a_case_through_a_channel_with_its_own_pack_is_registered_under_it_with_its_clocks() {
            RegisterComplaint command = aComplaint().through(Channel.EMAIL).build();
            Instant responseDue = RECEIVED.plus(Duration.ofDays(15));
            Instant resolutionDue = RECEIVED.plus(Duration.ofDays(60));

            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectEvents(registrationEvents(command, NOW, packs, scheduled::idOf).toArray())
                    .expectScheduledDeadline(responseDue, due(SlaClock.RESPONSE, responseDue))
                    .expectScheduledDeadline(resolutionDue, due(SlaClock.RESOLUTION, resolutionDue))
                    .expectNoScheduledDeadline(NOW.plus(Duration.ofHours(48)),
                            due(SlaClock.FIRST_CONTACT, NOW.plus(Duration.ofHours(48))));
            assertThat(scheduled.count()).isEqualTo(2);
        }

        @Test
        void a_case_at_a_branch_with_its_own_pack_is_registered_under_it_whatever_its_channel() {
            RegisterComplaint command = aComplaint().through(Channel.EMAIL).atBranch(UK_BRANCH).build();

            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectEvents(registrationEvents(command, NOW, packs, scheduled::idOf).toArray())
                    .expectScheduledDeadline(Instant.parse("2026-11-25T17:00:00Z"),
                            due(SlaClock.SUMMARY_RESOLUTION, Instant.parse("2026-11-25T17:00:00Z")));
        }

        @Test
        void unknown_packs_are_refused_in_the_configuration() {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestPacks.choosing(CaseHistory.PACKS, "NOPE", Map.of(), Map.of()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class BankInternalIncidentMode {

        private final RegisterComplaint incident = aComplaint()
                .flagged(new ComplaintFlags(false, false, false, "INC-2026-11-20")).build();
        private final Instant onSiteDue = NOW.plus(Duration.ofHours(1));
        private final Instant answeredDue = NOW.plus(Duration.ofHours(4));
        private final Instant reportedDue = NOW.plus(Duration.ofHours(8));

        @Test
        void an_incident_runs_the_three_incident_clocks_besides_first_contact_and_resolution() {
            fixture.givenNoPriorActivity()
                    .when(incident)
                    .expectEvents(registrationEvents(incident, NOW, packs, scheduled::idOf).toArray())
                    .expectScheduledDeadline(onSiteDue, due(SlaClock.INCIDENT_ON_SITE, onSiteDue))
                    .expectScheduledDeadline(answeredDue, due(SlaClock.INCIDENT_CUSTOMER_ANSWERED, answeredDue))
                    .expectScheduledDeadline(reportedDue, due(SlaClock.INCIDENT_RESULT_REPORTED, reportedDue));
        }

        @Test
        void assigning_a_handler_within_the_hour_meets_the_on_site_clock() {
            fixture.givenCommands(incident, reviewAsComplaint(SUPERVISOR1))
                    .when(assign(SUPERVISOR1, HANDLER1))
                    .expectEvents(new HandlerAssigned(CASE_ID, HANDLER1.userId(), null, SUPERVISOR1),
                            new DeadlineMet(CASE_ID, SlaClock.INCIDENT_ON_SITE, scheduled.idOf(SlaClock.INCIDENT_ON_SITE),
                                    onSiteDue, NOW, SUPERVISOR1))
                    .expectNoScheduledDeadline(onSiteDue, due(SlaClock.INCIDENT_ON_SITE, onSiteDue));
        }

        @Test
        void no_one_on_site_within_the_hour_is_a_breach_that_escalates() {
            fixture.givenCommands(incident, reviewAsComplaint(SUPERVISOR1))
                    .whenTimeElapses(Duration.ofMinutes(61))
                    .expectEvents(breachBySystem(SlaClock.INCIDENT_ON_SITE, scheduled.idOf(SlaClock.INCIDENT_ON_SITE), onSiteDue),
                            escalatedBySystem(HandlingLevel.BRANCH, HandlingLevel.FIRST_LEVEL_BRANCH,
                                    SlaClock.INCIDENT_ON_SITE, onSiteDue));
        }

        @Test
        void the_first_contact_meets_both_the_first_contact_and_the_customer_answered_clocks() {
            Instant contactedAt = Moments.minutesAgo(0);
            fixture.givenCommands(registeredAndAssigned(incident))
                    .when(recordContact(HANDLER1, contactedAt))
                    .expectScheduledDeadline(reportedDue, due(SlaClock.INCIDENT_RESULT_REPORTED, reportedDue))
                    .expectNoScheduledDeadline(answeredDue, due(SlaClock.INCIDENT_CUSTOMER_ANSWERED, answeredDue))
                    .expectNoScheduledDeadline(NOW.plus(Duration.ofHours(48)),
                            due(SlaClock.FIRST_CONTACT, NOW.plus(Duration.ofHours(48))));
        }

        @Test
        void withdrawing_the_case_cancels_every_clock() {
            fixture.givenCommands(registeredAndAssigned(incident))
                    .when(withdraw(HANDLER1))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void without_an_incident_no_incident_clock_runs() {
            fixture.givenNoPriorActivity()
                    .when(aComplaint().build())
                    .expectNoScheduledDeadline(onSiteDue, due(SlaClock.INCIDENT_ON_SITE, onSiteDue));
            assertThat(scheduled.count()).isEqualTo(2);
        }
    }

    @Nested
    class CnNfra {

        private final RegisterComplaint registration = aComplaint().build();
        private final Instant resolutionDue = RECEIVED.plus(Duration.ofDays(15));

        @BeforeEach
        void underCnNfra() {
            usePacks(PolicyPack.CN_NFRA);
        }

        @Test
        void only_the_15_day_decision_clock_runs() {
            fixture.givenNoPriorActivity()
                    .when(registration)
                    .expectEvents(registrationEvents(registration, NOW, packs, scheduled::idOf).toArray())
                    .expectScheduledDeadline(resolutionDue, due(SlaClock.RESOLUTION, resolutionDue));
            assertThat(scheduled.count()).isEqualTo(1);
        }

        @Test
        void a_proposal_in_time_meets_it() {
            fixture.givenCommands(registeredAndAssigned(registration, recordContact(HANDLER1), recordFindings(HANDLER1)))
                    .when(proposeResolution(HANDLER1))
                    .expectEvents(new ResolutionProposed(CASE_ID, RESOLUTION_SUMMARY, null, HANDLER1),
                            new DeadlineMet(CASE_ID, SlaClock.RESOLUTION, scheduled.idOf(SlaClock.RESOLUTION),
                                    resolutionDue, NOW, HANDLER1))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void no_decision_in_15_days_is_a_breach_that_escalates() {
            fixture.givenCommands(registeredAndAssigned(registration))
                    .whenTimeElapses(Duration.ofDays(15))
                    .expectEvents(breachBySystem(SlaClock.RESOLUTION, scheduled.idOf(SlaClock.RESOLUTION), resolutionDue),
                            escalatedBySystem(HandlingLevel.BRANCH, HandlingLevel.FIRST_LEVEL_BRANCH,
                                    SlaClock.RESOLUTION, resolutionDue));
        }

        @Test
        void a_supervisor_extends_to_30_days() {
            Instant extended = resolutionDue.plus(Duration.ofDays(15));
            fixture.givenCommands(registeredAndAssigned(registration))
                    .when(extend(15, false))
                    .expectEvents(new DeadlineExtended(CASE_ID, SlaClock.RESOLUTION, resolutionDue, extended, 15,
                            EXTENSION_REASON, scheduled.idOf(SlaClock.RESOLUTION, resolutionDue),
                            scheduled.idOf(SlaClock.RESOLUTION, extended), SUPERVISOR1))
                    .expectScheduledDeadline(extended, due(SlaClock.RESOLUTION, extended));
        }

        @Test
        void beyond_30_days_a_supervisor_alone_is_refused() {
            fixture.givenCommands(registeredAndAssigned(registration, extend(15, false)))
                    .when(extend(1, false))
                    .expectException(refusedWith(BusinessRuleViolation.class, RefusalCode.EXTENSION_BEYOND_POLICY));
        }

        @Test
        void with_the_head_office_s_approval_a_further_30_days_up_to_60_from_receipt() {
            Instant at30 = resolutionDue.plus(Duration.ofDays(15));
            Instant at60 = RECEIVED.plus(Duration.ofDays(60));
            fixture.givenCommands(registeredAndAssigned(registration, extend(15, false)))
                    .when(extend(30, true))
                    .expectEvents(new DeadlineExtended(CASE_ID, SlaClock.RESOLUTION, at30, at60, 30,
                            EXTENSION_REASON, scheduled.idOf(SlaClock.RESOLUTION, at30),
                            scheduled.idOf(SlaClock.RESOLUTION, at60), SUPERVISOR1))
                    .expectScheduledDeadline(at60, due(SlaClock.RESOLUTION, at60));
        }

        @Test
        void never_beyond_60_days_from_receipt_even_with_approval() {
            fixture.givenCommands(registeredAndAssigned(registration, extend(15, false), extend(30, true)))
                    .when(extend(1, true))
                    .expectException(refusedWith(BusinessRuleViolation.class, RefusalCode.EXTENSION_BEYOND_POLICY));
        }

        @Test
        void the_extended_deadline_breaches_and_escalates_when_it_passes() {
            Instant extended = resolutionDue.plus(Duration.ofDays(15));
            fixture.givenCommands(registeredAndAssigned(registration, extend(15, false)))
                    .whenTimeElapses(Duration.ofDays(30))
                    .expectEvents(breachBySystem(SlaClock.RESOLUTION, scheduled.idOf(SlaClock.RESOLUTION, extended), extended),
                            escalatedBySystem(HandlingLevel.BRANCH, HandlingLevel.FIRST_LEVEL_BRANCH,
                                    SlaClock.RESOLUTION, extended));
        }
    }

    @Nested
    class UkFca {

        private final RegisterComplaint ordinary = aComplaint().build();
        private final RegisterComplaint paymentServices = aComplaint()
                .about(Category.BUSINESS_ERROR, Subcategory.OPERATION_ERROR, RootIssue.FEES).build();
        /** Received Friday: the 3rd business day after is Wednesday; close of business 17:00 London (GMT). */
        private final Instant summaryDue = Instant.parse("2026-11-25T17:00:00Z");
        private final Instant finalDue = RECEIVED.plus(Duration.ofDays(56));
        /** 15 business days after Friday 20 November. */
        private final Instant paymentServicesDue = Instant.parse("2026-12-11T08:15:00Z");

        @BeforeEach
        void underUkFca() {
            usePacks(PolicyPack.UK_FCA);
        }

        @Test
        void an_ordinary_complaint_runs_the_summary_resolution_and_the_8_week_final_response() {
            fixture.givenNoPriorActivity()
                    .when(ordinary)
                    .expectEvents(registrationEvents(ordinary, NOW, packs, scheduled::idOf).toArray())
                    .expectScheduledDeadline(summaryDue, due(SlaClock.SUMMARY_RESOLUTION, summaryDue))
                    .expectScheduledDeadline(finalDue, due(SlaClock.FINAL_RESPONSE, finalDue));
        }

        @Test
        void a_missed_summary_resolution_is_recorded_without_escalation() {
            fixture.givenCommands(registeredAndAssigned(ordinary))
                    .whenTimeElapses(Duration.ofDays(6))
                    .expectEvents(breachBySystem(SlaClock.SUMMARY_RESOLUTION,
                            scheduled.idOf(SlaClock.SUMMARY_RESOLUTION), summaryDue))
                    .expectScheduledDeadline(finalDue, due(SlaClock.FINAL_RESPONSE, finalDue));
        }

        @Test
        void a_resolution_accepted_in_time_meets_the_summary_resolution() {
            fixture.givenCommands(registeredAndAssigned(ordinary, recordContact(HANDLER1), recordFindings(HANDLER1),
                            proposeResolution(HANDLER1)))
                    .when(customerAccepts(HANDLER1))
                    .expectEvents(new ResolutionAccepted(CASE_ID, CUSTOMER_COMMENT, HANDLER1),
                            new DeadlineMet(CASE_ID, SlaClock.SUMMARY_RESOLUTION,
                                    scheduled.idOf(SlaClock.SUMMARY_RESOLUTION), summaryDue, NOW, HANDLER1))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void an_ordinary_complaint_s_final_response_cannot_be_extended() {
            fixture.givenCommands(registeredAndAssigned(ordinary))
                    .when(extend(5, false))
                    .expectException(refusedWith(BusinessRuleViolation.class, RefusalCode.EXTENSION_BEYOND_POLICY));
        }

        @Test
        void a_payment_services_complaint_has_15_business_days_for_its_final_response() {
            fixture.givenNoPriorActivity()
                    .when(paymentServices)
                    .expectEvents(registrationEvents(paymentServices, NOW, packs, scheduled::idOf).toArray())
                    .expectScheduledDeadline(paymentServicesDue, due(SlaClock.FINAL_RESPONSE, paymentServicesDue));
        }

        @Test
        void with_a_holding_reply_it_gets_35_business_days_once() {
            Instant extended = BusinessCalendars.shipped().calendar("UK").plusWorkingDays(paymentServicesDue, 20);
            fixture.givenCommands(registeredAndAssigned(paymentServices))
                    .when(extend(20, false))
                    .expectEvents(new DeadlineExtended(CASE_ID, SlaClock.FINAL_RESPONSE, paymentServicesDue, extended, 20,
                            EXTENSION_REASON, scheduled.idOf(SlaClock.FINAL_RESPONSE, paymentServicesDue),
                            scheduled.idOf(SlaClock.FINAL_RESPONSE, extended), SUPERVISOR1))
                    .expectScheduledDeadline(extended, due(SlaClock.FINAL_RESPONSE, extended));
            assertThat(extended).isAfter(paymentServicesDue.plus(Duration.ofDays(28)));
        }

        @Test
        void more_than_20_business_days_or_a_second_extension_is_refused() {
            fixture.givenCommands(registeredAndAssigned(paymentServices))
                    .when(extend(21, true))
                    .expectException(refusedWith(BusinessRuleViolation.class, RefusalCode.EXTENSION_BEYOND_POLICY));
            setUpFixture();
            usePacks(PolicyPack.UK_FCA);
            fixture.givenCommands(registeredAndAssigned(paymentServices, extend(10, false)))
                    .when(extend(5, false))
                    .expectException(refusedWith(BusinessRuleViolation.class, RefusalCode.EXTENSION_BEYOND_POLICY));
        }

        @Test
        void a_final_response_not_given_in_time_breaches_and_escalates() {
            fixture.givenCommands(registeredAndAssigned(paymentServices, recordContact(HANDLER1)))
                    .whenTimeElapses(Duration.ofDays(21))
                    .expectEvents(breachBySystem(SlaClock.SUMMARY_RESOLUTION,
                                    scheduled.idOf(SlaClock.SUMMARY_RESOLUTION), summaryDue),
                            breachBySystem(SlaClock.FINAL_RESPONSE, scheduled.idOf(SlaClock.FINAL_RESPONSE), paymentServicesDue),
                            escalatedBySystem(HandlingLevel.BRANCH, HandlingLevel.FIRST_LEVEL_BRANCH,
                                    SlaClock.FINAL_RESPONSE, paymentServicesDue));
        }
    }

    @Nested
    class UsCfpb {

        private final RegisterComplaint registration = aComplaint().build();
        private final Instant responseDue = RECEIVED.plus(Duration.ofDays(15));
        private final Instant finalDue = RECEIVED.plus(Duration.ofDays(60));

        @BeforeEach
        void underUsCfpb() {
            usePacks(PolicyPack.US_CFPB);
        }

        @Test
        void the_first_contact_meets_the_15_day_response() {
            Instant contactedAt = Moments.minutesAgo(5);
            fixture.givenCommands(registeredAndAssigned(registration))
                    .when(recordContact(HANDLER1, contactedAt))
                    .expectNoScheduledDeadline(responseDue, due(SlaClock.RESPONSE, responseDue))
                    .expectScheduledDeadline(finalDue, due(SlaClock.RESOLUTION, finalDue));
        }

        @Test
        void no_response_in_15_days_breaches_and_escalates() {
            fixture.givenCommands(registeredAndAssigned(registration))
                    .whenTimeElapses(Duration.ofDays(15))
                    .expectEvents(breachBySystem(SlaClock.RESPONSE, scheduled.idOf(SlaClock.RESPONSE), responseDue),
                            escalatedBySystem(HandlingLevel.BRANCH, HandlingLevel.FIRST_LEVEL_BRANCH,
                                    SlaClock.RESPONSE, responseDue));
        }

        @Test
        void no_extension_is_allowed() {
            fixture.givenCommands(registeredAndAssigned(registration))
                    .when(extend(1, true))
                    .expectException(refusedWith(BusinessRuleViolation.class, RefusalCode.EXTENSION_BEYOND_POLICY));
        }

        @Test
        void withdrawing_the_case_cancels_the_final_response_deadline() {
            fixture.givenCommands(registeredAndAssigned(registration, recordContact(HANDLER1)))
                    .when(withdraw(HANDLER1))
                    .expectNoScheduledDeadlines();
        }
    }

    /** Configured numbers: the packs built from them schedule other due times. */
    @Nested
    class ConfiguredNumbers {

        private void under(String pack, PackSettings settings) {
            packs = TestPacks.choosing(TestPacks.standard(POLICY.version(), POLICY.firstContactLimit(),
                    POLICY.resolutionLimit(), (int) POLICY.maxExtension().toDays(), settings), pack, Map.of(), Map.of());
            useFixtureWith(POLICY, packs);
        }

        @Test
        void a_configured_cn_nfra_decision_limit_moves_the_decision_deadline() {
            under(PolicyPack.CN_NFRA, new PackSettings(PackSettings.BankInternal.DEFAULTS,
                    new PackSettings.CnNfra(2, Duration.ofDays(10), Duration.ofDays(15), Duration.ofDays(30),
                            Duration.ofDays(60)), PackSettings.UkFca.DEFAULTS, PackSettings.UsCfpb.DEFAULTS));
            RegisterComplaint registration = aComplaint().build();
            Instant resolutionDue = RECEIVED.plus(Duration.ofDays(10));

            fixture.givenNoPriorActivity()
                    .when(registration)
                    .expectEvents(registrationEvents(registration, NOW, packs, scheduled::idOf).toArray())
                    .expectScheduledDeadline(resolutionDue, due(SlaClock.RESOLUTION, resolutionDue))
                    .expectNoScheduledDeadline(RECEIVED.plus(Duration.ofDays(15)),
                            due(SlaClock.RESOLUTION, RECEIVED.plus(Duration.ofDays(15))));
            assertThat(packs.packs().get(PolicyPack.CN_NFRA).version()).isEqualTo(2);
        }

        @Test
        void a_configured_uk_fca_close_of_business_and_final_response_limit_move_their_deadlines() {
            under(PolicyPack.UK_FCA, new PackSettings(PackSettings.BankInternal.DEFAULTS, PackSettings.CnNfra.DEFAULTS,
                    new PackSettings.UkFca(2, 3, java.time.LocalTime.of(16, 0), Duration.ofDays(42), 15, 20),
                    PackSettings.UsCfpb.DEFAULTS));
            RegisterComplaint ordinary = aComplaint().build();
            Instant summaryDue = Instant.parse("2026-11-25T16:00:00Z");
            Instant finalDue = RECEIVED.plus(Duration.ofDays(42));

            fixture.givenNoPriorActivity()
                    .when(ordinary)
                    .expectEvents(registrationEvents(ordinary, NOW, packs, scheduled::idOf).toArray())
                    .expectScheduledDeadline(summaryDue, due(SlaClock.SUMMARY_RESOLUTION, summaryDue))
                    .expectScheduledDeadline(finalDue, due(SlaClock.FINAL_RESPONSE, finalDue));
        }

        @Test
        void a_configured_us_cfpb_response_limit_moves_the_response_deadline() {
            under(PolicyPack.US_CFPB, new PackSettings(PackSettings.BankInternal.DEFAULTS, PackSettings.CnNfra.DEFAULTS,
                    PackSettings.UkFca.DEFAULTS, new PackSettings.UsCfpb(2, Duration.ofDays(5), Duration.ofDays(60))));
            RegisterComplaint registration = aComplaint().build();
            Instant responseDue = RECEIVED.plus(Duration.ofDays(5));
            Instant resolutionDue = RECEIVED.plus(Duration.ofDays(60));

            fixture.givenNoPriorActivity()
                    .when(registration)
                    .expectEvents(registrationEvents(registration, NOW, packs, scheduled::idOf).toArray())
                    .expectScheduledDeadline(responseDue, due(SlaClock.RESPONSE, responseDue))
                    .expectScheduledDeadline(resolutionDue, due(SlaClock.RESOLUTION, resolutionDue));
        }
    }
}
