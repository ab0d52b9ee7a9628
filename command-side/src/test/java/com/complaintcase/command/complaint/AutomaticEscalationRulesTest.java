package com.complaintcase.command.complaint;

import com.complaintcase.command.complaint.registration.RegisterComplaint;
import com.complaintcase.events.complaint.ComplaintEnteredLate;
import com.complaintcase.events.complaint.ComplaintEscalated;
import com.complaintcase.events.complaint.ComplaintEvent;
import com.complaintcase.events.complaint.DeadlineBreached;
import com.complaintcase.events.complaint.DeadlineMet;
import com.complaintcase.events.complaint.ResolutionProposed;
import com.complaintcase.values.Channel;
import com.complaintcase.values.ComplaintFlags;
import com.complaintcase.values.EscalationReason;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.Money;
import com.complaintcase.values.SlaClock;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static com.complaintcase.command.complaint.Actors.*;
import static com.complaintcase.command.complaint.CaseHistory.*;
import static com.complaintcase.command.complaint.ComplaintCommands.*;
import static com.complaintcase.command.complaint.Moments.NOW;
import static com.complaintcase.command.complaint.RefusalMatcher.refusedWith;
import static com.complaintcase.command.complaint.RegisterComplaintBuilder.CASE_ID;
import static com.complaintcase.command.complaint.RegisterComplaintBuilder.aComplaint;

/**
 * The escalations the system makes by itself (domain brief, section 5), by the system actor, with the reason
 * and a note saying why: a complaint that arrives through an outside channel, skipped a level or comes with a
 * media threat goes one level up as it is registered; a proposed compensation above the authority of the case's
 * level goes one level up right after the proposal. At the top level (a report to the regulator) the system
 * never escalates: it records nothing more and refuses nothing. (The escalation of a missed deadline is in
 * {@link SlaDeadlineRulesTest}.)
 */
class AutomaticEscalationRulesTest extends ComplaintRulesTest {

    private static final ComplaintFlags SKIPPED_LEVEL = new ComplaintFlags(false, false, true, null);
    private static final ComplaintFlags MEDIA_THREAT = new ComplaintFlags(true, false, false, null);
    private static final ComplaintFlags SKIPPED_LEVEL_AND_MEDIA_THREAT = new ComplaintFlags(true, false, true, null);

    private static ComplaintEscalated escalatedOnRegistration(EscalationReason reason, String note) {
        return new ComplaintEscalated(CASE_ID, HandlingLevel.BRANCH, HandlingLevel.FIRST_LEVEL_BRANCH, reason, note, SYSTEM);
    }

    private static ComplaintEscalated escalatedForCompensation(HandlingLevel from, HandlingLevel to, String note) {
        return new ComplaintEscalated(CASE_ID, from, to, EscalationReason.COMPENSATION_CLAIM, note, SYSTEM);
    }

    private static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    /** Ready for a resolution at {@code level}: accepted there, assigned to handler1, contacted, findings recorded. */
    private static CaseHistory aCaseWithFindingsHandledAt(HandlingLevel level) {
        return aRegisteredCase().reviewedAsComplaint(level).assignedTo(HANDLER1).customerContacted().findingsRecorded();
    }

    private static ComplaintPolicy policyWithAuthorityLimits(Map<HandlingLevel, BigDecimal> limits) {
        ComplaintPolicy defaults = ComplaintPolicy.DEFAULT;
        return new ComplaintPolicy(defaults.name(), defaults.version(), defaults.entryLimit(), defaults.firstContactLimit(),
                defaults.resolutionLimit(), defaults.maxExtension(), defaults.receiptClockSkew(), "CNY", limits);
    }

    @Nested
    class OnRegistration {

        /** The registration event the aggregate records, naming the deadlines the fixture scheduled. */
        private ComplaintEvent registered(RegisterComplaint command, Instant registeredAt) {
            return registrationEvents(command, registeredAt, CaseHistory.PACKS, scheduled::idOf).get(0);
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = Channel.class, names = {"REGULATOR", "INDUSTRY_ASSOCIATION", "CONSUMER_ASSOCIATION", "MEDIA"})
        void a_complaint_through_an_outside_channel_is_escalated_one_level_by_the_system_right_after_its_registration(Channel outside) {
            RegisterComplaint command = aComplaint().through(outside).build();

            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectEvents(registered(command, NOW),
                            escalatedOnRegistration(EscalationReason.OUTSIDE_CHANNEL,
                                    "escalated on registration for OUTSIDE_CHANNEL (through " + outside + ")"))
                    .expectResultMessagePayload(new CommandResult(CASE_ID, 1));
        }

        @Test
        void a_complaint_from_a_customer_who_skipped_a_level_is_escalated_one_level_on_registration() {
            RegisterComplaint command = aComplaint().flagged(SKIPPED_LEVEL).build();

            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectEvents(registered(command, NOW),
                            escalatedOnRegistration(EscalationReason.SKIPPED_LEVEL, "escalated on registration for SKIPPED_LEVEL"))
                    .expectResultMessagePayload(new CommandResult(CASE_ID, 1));
        }

        @Test
        void a_complaint_with_a_media_threat_is_escalated_one_level_on_registration() {
            RegisterComplaint command = aComplaint().flagged(MEDIA_THREAT).build();

            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectEvents(registered(command, NOW),
                            escalatedOnRegistration(EscalationReason.MEDIA_THREAT, "escalated on registration for MEDIA_THREAT"))
                    .expectResultMessagePayload(new CommandResult(CASE_ID, 1));
        }

        @Test
        void a_complaint_with_every_reason_goes_up_one_level_only_for_the_outside_channel_and_the_note_names_all_reasons() {
            RegisterComplaint command = aComplaint().through(Channel.MEDIA).flagged(SKIPPED_LEVEL_AND_MEDIA_THREAT).build();

            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectEvents(registered(command, NOW),
                            escalatedOnRegistration(EscalationReason.OUTSIDE_CHANNEL,
                                    "escalated on registration for OUTSIDE_CHANNEL (through MEDIA), SKIPPED_LEVEL, MEDIA_THREAT"))
                    .expectResultMessagePayload(new CommandResult(CASE_ID, 1));
        }

        @Test
        void a_skipped_level_comes_before_a_media_threat_as_the_reason() {
            RegisterComplaint command = aComplaint().flagged(SKIPPED_LEVEL_AND_MEDIA_THREAT).build();

            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectEvents(registered(command, NOW),
                            escalatedOnRegistration(EscalationReason.SKIPPED_LEVEL,
                                    "escalated on registration for SKIPPED_LEVEL, MEDIA_THREAT"));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = Channel.class, names = {"REGULATOR", "INDUSTRY_ASSOCIATION", "CONSUMER_ASSOCIATION", "MEDIA"},
                mode = EnumSource.Mode.EXCLUDE)
        void a_complaint_through_the_banks_own_channels_without_those_flags_is_not_escalated(Channel own) {
            RegisterComplaint command = aComplaint().through(own).build();

            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectEvents(registered(command, NOW))
                    .expectResultMessagePayload(new CommandResult(CASE_ID, 0));
        }

        @Test
        void a_vulnerable_customer_or_an_incident_alone_does_not_escalate_on_registration() {
            RegisterComplaint command = aComplaint().flagged(new ComplaintFlags(false, true, false, "INC-2026-11-20")).build();

            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectEvents(registered(command, NOW))
                    .expectResultMessagePayload(new CommandResult(CASE_ID, 0));
        }

        @Test
        void a_late_outside_complaint_is_escalated_after_its_late_entry_fact() {
            String reason = "forwarded by the regulator after the weekend";
            RegisterComplaint command = aComplaint().receivedAt(NOW).through(Channel.REGULATOR).withLateEntryReason(reason).build();
            Instant enteredAt = NOW.plus(Duration.ofHours(30));

            fixture.givenCurrentTime(enteredAt)
                    .when(command)
                    .expectEvents(registered(command, enteredAt),
                            new ComplaintEnteredLate(CASE_ID, NOW, enteredAt, Duration.ofHours(24), Duration.ofHours(6), reason, INTAKE1),
                            escalatedOnRegistration(EscalationReason.OUTSIDE_CHANNEL,
                                    "escalated on registration for OUTSIDE_CHANNEL (through REGULATOR)"))
                    .expectResultMessagePayload(new CommandResult(CASE_ID, 2));
        }

        @Test
        void a_case_escalated_on_registration_can_no_longer_be_accepted_for_handling_at_branch_level() {
            fixture.given(aCaseRegisteredFrom(aComplaint().through(Channel.CONSUMER_ASSOCIATION).build()).events())
                    .when(reviewAsComplaint(SUPERVISOR1, HandlingLevel.BRANCH))
                    .expectNoEvents()
                    .expectException(refusedWith(BusinessRuleViolation.class, RefusalCode.HANDLING_LEVEL_BELOW_CURRENT));
        }

        @Test
        void resending_an_escalated_registration_records_nothing_and_answers_the_version_of_the_first_answer() {
            RegisterComplaint command = aComplaint().through(Channel.MEDIA).build();

            fixture.givenCommands(command)
                    .when(command)
                    .expectNoEvents()
                    .expectResultMessagePayload(new CommandResult(CASE_ID, 1));
        }

        @Test
        void resending_a_late_escalated_registration_answers_the_version_of_its_escalation() {
            RegisterComplaint late = aComplaint().receivedHoursAgo(30).flagged(SKIPPED_LEVEL)
                    .withLateEntryReason("system outage at the branch").build();

            fixture.given(aCaseRegisteredFrom(late).events())
                    .when(late)
                    .expectNoEvents()
                    .expectResultMessagePayload(new CommandResult(CASE_ID, 2));
        }

        @Test
        void resending_an_escalated_registration_answers_its_version_even_after_the_case_moved_on() {
            RegisterComplaint command = aComplaint().flagged(MEDIA_THREAT).build();

            fixture.given(aCaseRegisteredFrom(command).reviewedAsComplaint(HandlingLevel.FIRST_LEVEL_BRANCH)
                            .assignedTo(HANDLER1).escalatedTo(HandlingLevel.HEAD_OFFICE).events())
                    .when(command)
                    .expectNoEvents()
                    .expectResultMessagePayload(new CommandResult(CASE_ID, 1));
        }

        @Test
        void a_later_escalation_by_the_system_is_not_taken_for_part_of_a_registration_that_called_for_none() {
            RegisterComplaint command = aComplaint().build();
            CaseHistory history = aCaseRegisteredFrom(command);

            fixture.given(history.events())
                    .andGiven(new ComplaintEscalated(CASE_ID, HandlingLevel.BRANCH, HandlingLevel.FIRST_LEVEL_BRANCH,
                            EscalationReason.OUTSIDE_CHANNEL, ESCALATION_NOTE, SYSTEM))
                    .when(command)
                    .expectNoEvents()
                    .expectResultMessagePayload(new CommandResult(CASE_ID, 0));
        }
    }

    @Nested
    class CompensationAboveTheLevelsAuthority {

        @Test
        void a_compensation_above_the_branchs_authority_has_the_system_escalate_the_case_one_level_right_after_the_proposal() {
            CaseHistory history = aCaseInProgressWithFindings();
            Money compensation = cny("1000.01");

            fixture.given(history.events())
                    .when(proposeResolutionWithCompensation(HANDLER1, compensation))
                    .expectEvents(new ResolutionProposed(CASE_ID, RESOLUTION_SUMMARY, compensation, HANDLER1),
                            history.branchReplyMet(Moments.NOW, HANDLER1),
                            escalatedForCompensation(HandlingLevel.BRANCH, HandlingLevel.FIRST_LEVEL_BRANCH,
                                    "the proposed compensation of 1000.01 CNY exceeds the authority of BRANCH (1000.00 CNY)"),
                            new DeadlineMet(CASE_ID, SlaClock.RESOLUTION, RESOLUTION_DEADLINE_ID, history.resolutionDueAt(),
                                    NOW, HANDLER1))
                    .expectResultMessagePayload(new CommandResult(CASE_ID, history.versionAfter(4)));
        }

        @Test
        void a_compensation_equal_to_the_levels_authority_stays_at_that_level() {
            CaseHistory history = aCaseInProgressWithFindings();
            Money compensation = cny("1000.00");

            fixture.given(history.events())
                    .when(proposeResolutionWithCompensation(HANDLER1, compensation))
                    .expectEvents(new ResolutionProposed(CASE_ID, RESOLUTION_SUMMARY, compensation, HANDLER1),
                            history.branchReplyMet(Moments.NOW, HANDLER1),
                            new DeadlineMet(CASE_ID, SlaClock.RESOLUTION, RESOLUTION_DEADLINE_ID, history.resolutionDueAt(),
                                    NOW, HANDLER1));
        }

        @ParameterizedTest(name = "{1} CNY at {0}")
        @CsvSource({
                "FIRST_LEVEL_BRANCH, 10000.01, HEAD_OFFICE, 10000.00",
                "HEAD_OFFICE, 100000.01, REGULATOR_REPORTED, 100000.00"})
        void a_compensation_above_the_authority_of_a_higher_level_goes_one_level_further_up(
                HandlingLevel level, String amount, HandlingLevel next, String limit) {
            CaseHistory history = aCaseWithFindingsHandledAt(level);
            Money compensation = cny(amount);

            fixture.given(history.events())
                    .when(proposeResolutionWithCompensation(HANDLER1, compensation))
                    .expectEvents(new ResolutionProposed(CASE_ID, RESOLUTION_SUMMARY, compensation, HANDLER1),
                            escalatedForCompensation(level, next, "the proposed compensation of " + compensation
                                    + " exceeds the authority of " + level + " (" + limit + " CNY)"),
                            new DeadlineMet(CASE_ID, SlaClock.RESOLUTION, RESOLUTION_DEADLINE_ID, history.resolutionDueAt(),
                                    NOW, HANDLER1));
        }

        @ParameterizedTest(name = "{1} CNY at {0}")
        @CsvSource({"FIRST_LEVEL_BRANCH, 10000.00", "HEAD_OFFICE, 100000.00", "REGULATOR_REPORTED, 999999999.00"})
        void a_compensation_within_a_higher_levels_authority_stays_at_that_level(HandlingLevel level, String amount) {
            CaseHistory history = aCaseWithFindingsHandledAt(level);
            Money compensation = cny(amount);

            fixture.given(history.events())
                    .when(proposeResolutionWithCompensation(HANDLER1, compensation))
                    .expectEvents(new ResolutionProposed(CASE_ID, RESOLUTION_SUMMARY, compensation, HANDLER1),
                            new DeadlineMet(CASE_ID, SlaClock.RESOLUTION, RESOLUTION_DEADLINE_ID, history.resolutionDueAt(),
                                    NOW, HANDLER1));
        }

        @Test
        void a_compensation_beyond_the_next_levels_authority_too_goes_up_only_one_level_per_proposal() {
            CaseHistory history = aCaseInProgressWithFindings();
            Money compensation = cny("500000.00");

            fixture.given(history.events())
                    .when(proposeResolutionWithCompensation(HANDLER1, compensation))
                    .expectEvents(new ResolutionProposed(CASE_ID, RESOLUTION_SUMMARY, compensation, HANDLER1),
                            history.branchReplyMet(Moments.NOW, HANDLER1),
                            escalatedForCompensation(HandlingLevel.BRANCH, HandlingLevel.FIRST_LEVEL_BRANCH,
                                    "the proposed compensation of 500000.00 CNY exceeds the authority of BRANCH (1000.00 CNY)"),
                            new DeadlineMet(CASE_ID, SlaClock.RESOLUTION, RESOLUTION_DEADLINE_ID, history.resolutionDueAt(),
                                    NOW, HANDLER1));
        }

        @Test
        void a_new_proposal_after_a_rejected_compensation_is_weighed_against_the_authority_of_the_level_it_reached() {
            Money compensation = cny("50000.00");
            CaseHistory history = aCaseInProgressWithFindings().resolutionProposedWithCompensation(compensation)
                    .compensationRejected();

            fixture.given(history.events())
                    .when(proposeResolutionWithCompensation(HANDLER1, compensation))
                    .expectEvents(new ResolutionProposed(CASE_ID, RESOLUTION_SUMMARY, compensation, HANDLER1),
                            escalatedForCompensation(HandlingLevel.FIRST_LEVEL_BRANCH, HandlingLevel.HEAD_OFFICE,
                                    "the proposed compensation of 50000.00 CNY exceeds the authority of FIRST_LEVEL_BRANCH (10000.00 CNY)"))
                    .expectResultMessagePayload(new CommandResult(CASE_ID, history.versionAfter(2)));
        }

        @Test
        void a_late_proposal_above_the_authority_is_escalated_before_the_breach_and_the_late_decision_are_recorded() {
            CaseHistory history = aCaseInProgressWithFindings();
            Instant proposedAt = history.resolutionDueAt().plus(Duration.ofHours(6));
            Money compensation = cny("2000.00");

            fixture.given(history.events())
                    .andGivenCurrentTime(proposedAt)
                    .when(proposeResolutionWithCompensation(HANDLER1, compensation))
                    .expectEvents(new ResolutionProposed(CASE_ID, RESOLUTION_SUMMARY, compensation, HANDLER1),
                            new DeadlineBreached(CASE_ID, SlaClock.BRANCH_REPLY, BRANCH_REPLY_DEADLINE_ID,
                                    branchReplyDueAt(NOW), branchReplyDueAt(NOW), HANDLER1),
                            new DeadlineMet(CASE_ID, SlaClock.BRANCH_REPLY, BRANCH_REPLY_DEADLINE_ID,
                                    branchReplyDueAt(NOW), proposedAt, HANDLER1),
                            escalatedForCompensation(HandlingLevel.BRANCH, HandlingLevel.FIRST_LEVEL_BRANCH,
                                    "the proposed compensation of 2000.00 CNY exceeds the authority of BRANCH (1000.00 CNY)"),
                            new DeadlineBreached(CASE_ID, SlaClock.RESOLUTION, RESOLUTION_DEADLINE_ID,
                                    history.resolutionDueAt(), history.resolutionDueAt(), HANDLER1),
                            new DeadlineMet(CASE_ID, SlaClock.RESOLUTION, RESOLUTION_DEADLINE_ID,
                                    history.resolutionDueAt(), proposedAt, HANDLER1));
        }

        @Test
        void a_compensation_in_another_currency_than_the_policys_is_not_compared_and_causes_no_escalation() {
            CaseHistory history = aCaseInProgressWithFindings();
            Money compensation = Money.of("900000.00", "USD");

            fixture.given(history.events())
                    .when(proposeResolutionWithCompensation(HANDLER1, compensation))
                    .expectEvents(new ResolutionProposed(CASE_ID, RESOLUTION_SUMMARY, compensation, HANDLER1),
                            history.branchReplyMet(Moments.NOW, HANDLER1),
                            new DeadlineMet(CASE_ID, SlaClock.RESOLUTION, RESOLUTION_DEADLINE_ID, history.resolutionDueAt(),
                                    NOW, HANDLER1));
        }

        @Test
        void a_proposal_without_compensation_causes_no_escalation() {
            CaseHistory history = aCaseInProgressWithFindings();

            fixture.given(history.events())
                    .when(proposeResolution(HANDLER1))
                    .expectEvents(new ResolutionProposed(CASE_ID, RESOLUTION_SUMMARY, null, HANDLER1),
                            history.branchReplyMet(Moments.NOW, HANDLER1),
                            new DeadlineMet(CASE_ID, SlaClock.RESOLUTION, RESOLUTION_DEADLINE_ID, history.resolutionDueAt(),
                                    NOW, HANDLER1));
        }

        @Test
        void the_authority_limits_are_those_the_policy_configures() {
            useFixtureWith(policyWithAuthorityLimits(Map.of(HandlingLevel.BRANCH, new BigDecimal("200.00"))));
            CaseHistory history = aCaseInProgressWithFindings();
            Money compensation = cny("200.01");

            fixture.given(history.events())
                    .when(proposeResolutionWithCompensation(HANDLER1, compensation))
                    .expectEvents(new ResolutionProposed(CASE_ID, RESOLUTION_SUMMARY, compensation, HANDLER1),
                            history.branchReplyMet(Moments.NOW, HANDLER1),
                            escalatedForCompensation(HandlingLevel.BRANCH, HandlingLevel.FIRST_LEVEL_BRANCH,
                                    "the proposed compensation of 200.01 CNY exceeds the authority of BRANCH (200.00 CNY)"),
                            new DeadlineMet(CASE_ID, SlaClock.RESOLUTION, RESOLUTION_DEADLINE_ID, history.resolutionDueAt(),
                                    NOW, HANDLER1));
        }

        @Test
        void a_level_the_policy_gives_no_limit_never_escalates_for_compensation() {
            useFixtureWith(policyWithAuthorityLimits(Map.of(HandlingLevel.HEAD_OFFICE, new BigDecimal("100000.00"))));
            CaseHistory history = aCaseInProgressWithFindings();
            Money compensation = cny("90000.00");

            fixture.given(history.events())
                    .when(proposeResolutionWithCompensation(HANDLER1, compensation))
                    .expectEvents(new ResolutionProposed(CASE_ID, RESOLUTION_SUMMARY, compensation, HANDLER1),
                            history.branchReplyMet(Moments.NOW, HANDLER1),
                            new DeadlineMet(CASE_ID, SlaClock.RESOLUTION, RESOLUTION_DEADLINE_ID, history.resolutionDueAt(),
                                    NOW, HANDLER1));
        }
    }

    @Nested
    class AtTheTopLevel {

        @Test
        void a_compensation_above_a_limit_configured_for_the_regulator_reported_level_is_proposed_without_escalation_or_refusal() {
            useFixtureWith(policyWithAuthorityLimits(Map.of(HandlingLevel.REGULATOR_REPORTED, new BigDecimal("500000.00"))));
            CaseHistory history = aCaseWithFindingsHandledAt(HandlingLevel.REGULATOR_REPORTED);
            Money compensation = cny("600000.00");

            fixture.given(history.events())
                    .when(proposeResolutionWithCompensation(HANDLER1, compensation))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ResolutionProposed(CASE_ID, RESOLUTION_SUMMARY, compensation, HANDLER1),
                            new DeadlineMet(CASE_ID, SlaClock.RESOLUTION, RESOLUTION_DEADLINE_ID, history.resolutionDueAt(),
                                    NOW, HANDLER1))
                    .expectResultMessagePayload(new CommandResult(CASE_ID, history.versionAfter(2)));
        }

        @Test
        void a_case_escalated_to_the_top_by_hand_is_not_escalated_further_by_a_large_compensation() {
            useFixtureWith(policyWithAuthorityLimits(Map.of(HandlingLevel.REGULATOR_REPORTED, new BigDecimal("0.00"))));
            CaseHistory history = aCaseInProgressWithFindings().escalatedTo(HandlingLevel.REGULATOR_REPORTED);
            Money compensation = cny("1.00");

            fixture.given(history.events())
                    .when(proposeResolutionWithCompensation(HANDLER1, compensation))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ResolutionProposed(CASE_ID, RESOLUTION_SUMMARY, compensation, HANDLER1),
                            new DeadlineMet(CASE_ID, SlaClock.RESOLUTION, RESOLUTION_DEADLINE_ID, history.resolutionDueAt(),
                                    NOW, HANDLER1));
        }
    }
}
