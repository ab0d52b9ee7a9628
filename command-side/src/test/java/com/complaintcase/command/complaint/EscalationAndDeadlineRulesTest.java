package com.complaintcase.command.complaint;

import com.complaintcase.events.complaint.ComplaintEscalated;
import com.complaintcase.events.complaint.DeadlineExtended;
import com.complaintcase.values.Actor;
import com.complaintcase.values.EscalationReason;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.InvalidValueException;
import com.complaintcase.values.SlaClock;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import static com.complaintcase.command.complaint.Actors.*;
import static com.complaintcase.command.complaint.CaseHistory.*;
import static com.complaintcase.command.complaint.ComplaintCommands.*;
import static com.complaintcase.command.complaint.RefusalMatcher.refusedWith;
import static com.complaintcase.command.complaint.RegisterComplaintBuilder.CASE_ID;

/** Escalation one level up the ladder (升级), and extending the resolution deadline within the policy. */
class EscalationAndDeadlineRulesTest extends ComplaintRulesTest {

    @Nested
    class Escalation {

        @Test
        void a_supervisor_escalates_a_branch_case_to_the_first_level_branch() {
            CaseHistory history = anAcceptedCase();

            fixture.given(history.events())
                    .when(escalate(SUPERVISOR1, EscalationReason.BEYOND_AUTHORITY))
                    .expectEvents(new ComplaintEscalated(CASE_ID, HandlingLevel.BRANCH, HandlingLevel.FIRST_LEVEL_BRANCH,
                            EscalationReason.BEYOND_AUTHORITY, ESCALATION_NOTE, SUPERVISOR1))
                    .expectResultMessagePayload(new CommandResult(CASE_ID, history.versionAfter(1)));
        }

        @Test
        void the_system_escalates_a_case_whose_deadline_was_missed() {
            fixture.given(aCaseInProgressWithFindings().events())
                    .when(escalate(SYSTEM, EscalationReason.SLA_BREACH))
                    .expectEvents(new ComplaintEscalated(CASE_ID, HandlingLevel.BRANCH, HandlingLevel.FIRST_LEVEL_BRANCH,
                            EscalationReason.SLA_BREACH, ESCALATION_NOTE, SYSTEM));
        }

        @Test
        void intake_may_escalate_a_complaint_that_skipped_a_level_right_after_registration() {
            fixture.given(aRegisteredCase().events())
                    .when(escalate(INTAKE1, EscalationReason.SKIPPED_LEVEL))
                    .expectEvents(new ComplaintEscalated(CASE_ID, HandlingLevel.BRANCH, HandlingLevel.FIRST_LEVEL_BRANCH,
                            EscalationReason.SKIPPED_LEVEL, ESCALATION_NOTE, INTAKE1));
        }

        @Test
        void the_assigned_handler_may_escalate_the_case() {
            fixture.given(aCaseInProgressWithFindings().events())
                    .when(escalate(HANDLER1, EscalationReason.MEDIA_THREAT))
                    .expectEvents(new ComplaintEscalated(CASE_ID, HandlingLevel.BRANCH, HandlingLevel.FIRST_LEVEL_BRANCH,
                            EscalationReason.MEDIA_THREAT, ESCALATION_NOTE, HANDLER1));
        }

        @Test
        void a_head_office_case_is_escalated_by_reporting_it_to_the_regulator() {
            fixture.given(aCaseEscalatedTo(HandlingLevel.HEAD_OFFICE).events())
                    .when(escalate(SUPERVISOR1, EscalationReason.MAJOR_INCIDENT))
                    .expectEvents(new ComplaintEscalated(CASE_ID, HandlingLevel.HEAD_OFFICE, HandlingLevel.REGULATOR_REPORTED,
                            EscalationReason.MAJOR_INCIDENT, ESCALATION_NOTE, SUPERVISOR1));
        }

        @Test
        void escalation_is_refused_when_the_case_is_at_the_top_level() {
            fixture.given(aCaseEscalatedTo(HandlingLevel.REGULATOR_REPORTED).events())
                    .when(escalate(SUPERVISOR1))
                    .expectNoEvents()
                    .expectException(refusedWith(BusinessRuleViolation.class, RefusalCode.ESCALATION_BEYOND_TOP_LEVEL));
        }

        @Test
        void a_handler_who_does_not_handle_the_case_may_not_escalate_it() {
            fixture.given(aCaseInProgressWithFindings().events())
                    .when(escalate(HANDLER2))
                    .expectNoEvents()
                    .expectException(refusedWith(ActionNotPermitted.class, RefusalCode.NOT_ASSIGNED_HANDLER));
        }

        @Test
        void an_analyst_may_not_escalate_a_case() {
            fixture.given(anAcceptedCase().events())
                    .when(escalate(ANALYST1))
                    .expectNoEvents()
                    .expectException(refusedWith(ActionNotPermitted.class, RefusalCode.ROLE_NOT_ALLOWED));
        }

        @Test
        void a_closed_case_is_not_escalated() {
            fixture.given(aClosedCase().events())
                    .when(escalate(SYSTEM, EscalationReason.SLA_BREACH))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.COMPLAINT_CLOSED));
        }

        @Test
        void a_withdrawn_complaint_is_not_escalated() {
            fixture.given(aWithdrawnCase().events())
                    .when(escalate(SYSTEM, EscalationReason.SLA_BREACH))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.COMPLAINT_WITHDRAWN));
        }

        @Test
        void an_inquiry_is_not_escalated() {
            fixture.given(aCaseThatIsNotAComplaint().events())
                    .when(escalate(SUPERVISOR1))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.COMPLAINT_NOT_A_COMPLAINT));
        }
    }

    @Nested
    class DeadlineExtension {

        /** The default complaint was received an hour before now; the resolution limit is 15 days from receipt. */
        private final Instant resolutionDue = Moments.hoursAgo(1).plus(Duration.ofDays(15));

        @Test
        void a_supervisor_extends_the_resolution_deadline_within_the_policy() {
            CaseHistory history = aCaseInProgressWithFindings();
            Instant extendedDue = resolutionDue.plus(Duration.ofDays(10));

            fixture.given(history.events())
                    .when(extendDeadline(SUPERVISOR1, 10))
                    .expectEvents(new DeadlineExtended(CASE_ID, SlaClock.RESOLUTION, resolutionDue, extendedDue, 10,
                            EXTENSION_REASON, RESOLUTION_DEADLINE_ID, scheduled.idOf(SlaClock.RESOLUTION, extendedDue), SUPERVISOR1))
                    .expectScheduledDeadline(extendedDue, new SlaDeadlineDue(SlaClock.RESOLUTION, extendedDue))
                    .expectResultMessagePayload(new CommandResult(CASE_ID, history.versionAfter(1)));
        }

        @Test
        void the_whole_15_days_the_policy_allows_may_be_granted_at_once() {
            Instant extendedDue = resolutionDue.plus(Duration.ofDays(15));

            fixture.given(aCaseInProgressWithFindings().events())
                    .when(extendDeadline(SUPERVISOR1, 15))
                    .expectEvents(new DeadlineExtended(CASE_ID, SlaClock.RESOLUTION, resolutionDue, extendedDue, 15,
                            EXTENSION_REASON, RESOLUTION_DEADLINE_ID, scheduled.idOf(SlaClock.RESOLUTION, extendedDue), SUPERVISOR1));
        }

        @Test
        void an_extension_beyond_the_15_days_the_policy_allows_is_refused() {
            fixture.given(aCaseInProgressWithFindings().events())
                    .when(extendDeadline(SUPERVISOR1, 16))
                    .expectNoEvents()
                    .expectException(refusedWith(BusinessRuleViolation.class, RefusalCode.EXTENSION_BEYOND_POLICY));
        }

        @Test
        void later_extensions_continue_from_the_extended_deadline_up_to_the_policy_total() {
            CaseHistory history = aCaseInProgressWithFindings().deadlineExtended(10);
            Instant extendedDue = resolutionDue.plus(Duration.ofDays(10));
            Instant furtherDue = extendedDue.plus(Duration.ofDays(5));

            fixture.given(history.events())
                    .when(extendDeadline(SUPERVISOR2, 5))
                    .expectEvents(new DeadlineExtended(CASE_ID, SlaClock.RESOLUTION, extendedDue, furtherDue, 5,
                            EXTENSION_REASON, history.deadline(SlaClock.RESOLUTION).deadlineId(),
                            scheduled.idOf(SlaClock.RESOLUTION, furtherDue), SUPERVISOR2));
        }

        @Test
        void extensions_together_may_not_exceed_the_policy_total() {
            fixture.given(aCaseInProgressWithFindings().deadlineExtended(10).events())
                    .when(extendDeadline(SUPERVISOR1, 6))
                    .expectNoEvents()
                    .expectException(refusedWith(BusinessRuleViolation.class, RefusalCode.EXTENSION_BEYOND_POLICY));
        }

        @ParameterizedTest(name = "{0} days")
        @ValueSource(ints = {0, -5})
        void an_extension_adds_at_least_one_day(int days) {
            fixture.given(aCaseInProgressWithFindings().deadlineExtended(10).events())
                    .when(extendDeadline(SUPERVISOR1, days))
                    .expectNoEvents()
                    .expectException(InvalidValueException.class);
        }

        static Stream<Actor> peopleWhoDoNotExtendDeadlines() {
            return Stream.of(INTAKE1, HANDLER1, SYSTEM);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("peopleWhoDoNotExtendDeadlines")
        void only_a_supervisor_extends_a_deadline(Actor actor) {
            fixture.given(aCaseInProgressWithFindings().events())
                    .when(extendDeadline(actor, 5))
                    .expectNoEvents()
                    .expectException(refusedWith(ActionNotPermitted.class, RefusalCode.ROLE_NOT_ALLOWED));
        }

        @Test
        void a_closed_case_has_no_deadline_to_extend() {
            fixture.given(aClosedCase().events())
                    .when(extendDeadline(SUPERVISOR1, 5))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.COMPLAINT_CLOSED));
        }
    }
}
