package com.complaintcase.command.complaint;

import com.complaintcase.command.complaint.registration.RegisterComplaint;
import com.complaintcase.events.complaint.ComplaintClosed;
import com.complaintcase.events.complaint.ComplaintEscalated;
import com.complaintcase.events.complaint.ComplaintReviewed;
import com.complaintcase.events.complaint.ComplaintWithdrawn;
import com.complaintcase.events.complaint.CustomerContacted;
import com.complaintcase.events.complaint.DeadlineBreached;
import com.complaintcase.events.complaint.DeadlineExtended;
import com.complaintcase.events.complaint.DeadlineMet;
import com.complaintcase.events.complaint.ResolutionProposed;
import com.complaintcase.values.EscalationReason;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.ReviewOutcome;
import com.complaintcase.values.SlaClock;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static com.complaintcase.command.complaint.Actors.*;
import static com.complaintcase.command.complaint.CaseHistory.*;
import static com.complaintcase.command.complaint.ComplaintCommands.*;
import static com.complaintcase.command.complaint.Moments.NOW;
import static com.complaintcase.command.complaint.RefusalMatcher.refusedWith;
import static com.complaintcase.command.complaint.RegisterComplaintBuilder.CASE_ID;
import static com.complaintcase.command.complaint.RegisterComplaintBuilder.aComplaint;

/**
 * The SLA clocks as real deadlines (domain brief, section 6): registration schedules the first-contact deadline
 * 48 hours after entry and the resolution deadline 15 days after receipt; doing the step meets the clock and
 * cancels its deadline; a deadline that fires records the breach and has the system escalate the case one level;
 * extending the resolution clock reschedules its deadline; a case that ends cancels what is still running.
 *
 * <p>Tests that need a deadline in the fixture's deadline manager register the case by command (given events
 * schedule nothing) and then let time pass. Moments the fixture cannot reach that way (a step done after the due
 * time but before the deadline fired) start from a given history and a later current time; a deadline delivered
 * although it should not fire any more (its cancellation raced with its firing) is handed to the case directly.
 */
class SlaDeadlineRulesTest extends ComplaintRulesTest {

    /** Received an hour before {@link Moments#NOW}, registered at {@link Moments#NOW} by intake1. */
    private static final RegisterComplaint REGISTRATION = aComplaint().build();
    private static final Instant FIRST_CONTACT_DUE = NOW.plus(Duration.ofHours(48));
    private static final Instant RESOLUTION_DUE = Moments.hoursAgo(1).plus(Duration.ofDays(15));
    /** Accepted at branch level by the review at {@link Moments#NOW}: the branch replies within a working day of registration. */
    private static final Instant BRANCH_REPLY_DUE = branchReplyDueAt(NOW);

    private static SlaDeadlineDue due(SlaClock clock, Instant dueAt) {
        return new SlaDeadlineDue(clock, dueAt);
    }

    /** Registered, accepted at branch level and assigned to handler1, all by command at {@link Moments#NOW}. */
    private static List<Object> registeredAndAssigned(Object... furtherCommands) {
        List<Object> commands = new ArrayList<>(List.of(REGISTRATION, reviewAsComplaint(SUPERVISOR1), assign(SUPERVISOR1, HANDLER1)));
        commands.addAll(Arrays.asList(furtherCommands));
        return commands;
    }

    private static DeadlineBreached breachRecordedBySystem(SlaClock clock, String deadlineId, Instant dueAt) {
        return new DeadlineBreached(CASE_ID, clock, deadlineId, dueAt, dueAt, SYSTEM);
    }

    private static ComplaintEscalated escalatedBySystem(HandlingLevel from, HandlingLevel to, SlaClock clock, Instant dueAt) {
        return new ComplaintEscalated(CASE_ID, from, to, EscalationReason.SLA_BREACH, slaBreachNote(clock, dueAt), SYSTEM);
    }

    @Nested
    class Registration {

        @Test
        void registration_schedules_the_first_contact_deadline_48_hours_after_entry_and_the_resolution_deadline_15_days_after_receipt() {
            fixture.givenNoPriorActivity()
                    .when(REGISTRATION)
                    .expectEvents(registrationEvents(REGISTRATION, NOW,
                            scheduled.idOf(SlaClock.FIRST_CONTACT, FIRST_CONTACT_DUE),
                            scheduled.idOf(SlaClock.RESOLUTION, RESOLUTION_DUE)).toArray())
                    .expectScheduledDeadline(FIRST_CONTACT_DUE, due(SlaClock.FIRST_CONTACT, FIRST_CONTACT_DUE))
                    .expectScheduledDeadlineWithName(FIRST_CONTACT_DUE, SlaDeadlineDue.NAME)
                    .expectScheduledDeadline(RESOLUTION_DUE, due(SlaClock.RESOLUTION, RESOLUTION_DUE))
                    .expectScheduledDeadlineWithName(RESOLUTION_DUE, SlaDeadlineDue.NAME)
                    .expectScheduledDeadlineWithName(Duration.ofHours(48), SlaDeadlineDue.NAME)
                    .expectTriggeredDeadlines();
        }

        @Test
        void a_late_entry_counts_first_contact_from_entry_and_resolution_from_receipt() {
            RegisterComplaint late = aComplaint().receivedAt(NOW).withLateEntryReason("letter found after the weekend").build();
            Instant enteredAt = NOW.plus(Duration.ofHours(30));
            Instant firstContactDue = enteredAt.plus(Duration.ofHours(48));
            Instant resolutionDue = NOW.plus(Duration.ofDays(15));

            fixture.givenCurrentTime(enteredAt)
                    .when(late)
                    .expectSuccessfulHandlerExecution()
                    .expectScheduledDeadline(firstContactDue, due(SlaClock.FIRST_CONTACT, firstContactDue))
                    .expectScheduledDeadline(resolutionDue, due(SlaClock.RESOLUTION, resolutionDue));
        }
    }

    @Nested
    class FirstContact {

        @Test
        void a_first_contact_in_time_meets_the_first_contact_clock_and_cancels_its_deadline() {
            Instant contactedAt = Moments.minutesAgo(10);

            fixture.givenCommands(registeredAndAssigned())
                    .when(recordContact(HANDLER1, contactedAt))
                    .expectEvents(new CustomerContacted(CASE_ID, contactedAt, CONTACT_METHOD, CONTACT_SUMMARY, true, HANDLER1),
                            new DeadlineMet(CASE_ID, SlaClock.FIRST_CONTACT, scheduled.idOf(SlaClock.FIRST_CONTACT),
                                    FIRST_CONTACT_DUE, contactedAt, HANDLER1))
                    .expectNoScheduledDeadline(FIRST_CONTACT_DUE, due(SlaClock.FIRST_CONTACT, FIRST_CONTACT_DUE))
                    .expectScheduledDeadline(RESOLUTION_DUE, due(SlaClock.RESOLUTION, RESOLUTION_DUE));
        }

        @Test
        void a_case_left_without_contact_for_48_hours_records_the_breach_and_is_escalated_by_the_system() {
            fixture.givenCommands(registeredAndAssigned())
                    .whenTimeElapses(Duration.ofHours(49))
                    .expectEvents(
                            breachRecordedBySystem(SlaClock.FIRST_CONTACT, scheduled.idOf(SlaClock.FIRST_CONTACT), FIRST_CONTACT_DUE),
                            escalatedBySystem(HandlingLevel.BRANCH, HandlingLevel.FIRST_LEVEL_BRANCH,
                                    SlaClock.FIRST_CONTACT, FIRST_CONTACT_DUE))
                    .expectTriggeredDeadlines(due(SlaClock.FIRST_CONTACT, FIRST_CONTACT_DUE))
                    .expectTriggeredDeadlinesWithName(SlaDeadlineDue.NAME)
                    .expectScheduledDeadline(RESOLUTION_DUE, due(SlaClock.RESOLUTION, RESOLUTION_DUE));
        }

        @Test
        void nothing_is_recorded_until_the_first_contact_deadline_falls_due() {
            fixture.givenCommands(registeredAndAssigned())
                    .whenTimeAdvancesTo(FIRST_CONTACT_DUE.minusSeconds(1))
                    .expectNoEvents()
                    .expectTriggeredDeadlines()
                    .expectScheduledDeadline(FIRST_CONTACT_DUE, due(SlaClock.FIRST_CONTACT, FIRST_CONTACT_DUE));
        }

        @Test
        void the_breach_is_recorded_at_the_due_time_itself() {
            fixture.givenCommands(registeredAndAssigned())
                    .whenTimeAdvancesTo(FIRST_CONTACT_DUE)
                    .expectEvents(
                            breachRecordedBySystem(SlaClock.FIRST_CONTACT, scheduled.idOf(SlaClock.FIRST_CONTACT), FIRST_CONTACT_DUE),
                            escalatedBySystem(HandlingLevel.BRANCH, HandlingLevel.FIRST_LEVEL_BRANCH,
                                    SlaClock.FIRST_CONTACT, FIRST_CONTACT_DUE));
        }

        @Test
        void a_breach_at_the_regulator_reported_level_is_recorded_without_an_escalation() {
            fixture.givenCommands(REGISTRATION, escalate(SUPERVISOR1), escalate(SUPERVISOR1), escalate(SUPERVISOR1))
                    .whenTimeElapses(Duration.ofHours(49))
                    .expectEvents(breachRecordedBySystem(SlaClock.FIRST_CONTACT, scheduled.idOf(SlaClock.FIRST_CONTACT),
                            FIRST_CONTACT_DUE));
        }

        @Test
        void a_contact_after_the_due_time_but_before_the_deadline_fired_records_the_breach_then_the_late_contact() {
            CaseHistory history = aCaseAssignedTo(HANDLER1);
            Instant contactedAt = history.firstContactDueAt().plus(Duration.ofMinutes(30));

            fixture.given(history.events())
                    .andGivenCurrentTime(contactedAt.plus(Duration.ofMinutes(30)))
                    .when(recordContact(HANDLER1, contactedAt))
                    .expectEvents(new CustomerContacted(CASE_ID, contactedAt, CONTACT_METHOD, CONTACT_SUMMARY, true, HANDLER1),
                            new DeadlineBreached(CASE_ID, SlaClock.FIRST_CONTACT, FIRST_CONTACT_DEADLINE_ID,
                                    history.firstContactDueAt(), history.firstContactDueAt(), HANDLER1),
                            new DeadlineMet(CASE_ID, SlaClock.FIRST_CONTACT, FIRST_CONTACT_DEADLINE_ID,
                                    history.firstContactDueAt(), contactedAt, HANDLER1))
                    .expectResultMessagePayload(new CommandResult(CASE_ID, history.versionAfter(3)));
        }

        @Test
        void a_contact_after_the_deadline_fired_records_the_late_contact() {
            CaseHistory history = aCaseAssignedTo(HANDLER1).deadlineFired(SlaClock.FIRST_CONTACT);
            Instant contactedAt = history.firstContactDueAt().plus(Duration.ofHours(2));

            fixture.given(history.events())
                    .andGivenCurrentTime(contactedAt)
                    .when(recordContact(HANDLER1, contactedAt))
                    .expectEvents(new CustomerContacted(CASE_ID, contactedAt, CONTACT_METHOD, CONTACT_SUMMARY, true, HANDLER1),
                            new DeadlineMet(CASE_ID, SlaClock.FIRST_CONTACT, FIRST_CONTACT_DEADLINE_ID,
                                    history.firstContactDueAt(), contactedAt, HANDLER1));
        }

        @Test
        void a_first_contact_deadline_delivered_after_the_contact_records_nothing() {
            CaseHistory history = aCaseInProgressWithoutFindings();

            fixture.given(history.events())
                    .whenInvoking(CASE_ID.value(), complaint -> complaint.onDeadline(
                            due(SlaClock.FIRST_CONTACT, history.firstContactDueAt())))
                    .expectNoEvents();
        }

        @Test
        void a_deadline_delivered_again_after_its_breach_was_recorded_records_nothing_more() {
            CaseHistory history = aCaseAssignedTo(HANDLER1).deadlineFired(SlaClock.FIRST_CONTACT);

            fixture.given(history.events())
                    .whenInvoking(CASE_ID.value(), complaint -> complaint.onDeadline(
                            due(SlaClock.FIRST_CONTACT, history.firstContactDueAt())))
                    .expectNoEvents();
        }
    }

    @Nested
    class Resolution {

        @Test
        void a_proposal_in_time_meets_the_resolution_clock_and_cancels_its_deadline() {
            fixture.givenCommands(registeredAndAssigned(recordContact(HANDLER1), recordFindings(HANDLER1)))
                    .when(proposeResolution(HANDLER1))
                    .expectEvents(new ResolutionProposed(CASE_ID, RESOLUTION_SUMMARY, null, HANDLER1),
                            new DeadlineMet(CASE_ID, SlaClock.BRANCH_REPLY, scheduled.idOf(SlaClock.BRANCH_REPLY),
                                    BRANCH_REPLY_DUE, NOW, HANDLER1),
                            new DeadlineMet(CASE_ID, SlaClock.RESOLUTION, scheduled.idOf(SlaClock.RESOLUTION),
                                    RESOLUTION_DUE, NOW, HANDLER1))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void a_case_left_alone_past_15_days_breaches_both_clocks_and_goes_one_level_up_for_each() {
            fixture.givenCommands(registeredAndAssigned())
                    .whenThenTimeElapses(Duration.ofDays(16))
                    .expectEvents(
                            breachRecordedBySystem(SlaClock.FIRST_CONTACT, scheduled.idOf(SlaClock.FIRST_CONTACT), FIRST_CONTACT_DUE),
                            escalatedBySystem(HandlingLevel.BRANCH, HandlingLevel.FIRST_LEVEL_BRANCH,
                                    SlaClock.FIRST_CONTACT, FIRST_CONTACT_DUE),
                            breachRecordedBySystem(SlaClock.RESOLUTION, scheduled.idOf(SlaClock.RESOLUTION), RESOLUTION_DUE),
                            escalatedBySystem(HandlingLevel.FIRST_LEVEL_BRANCH, HandlingLevel.HEAD_OFFICE,
                                    SlaClock.RESOLUTION, RESOLUTION_DUE))
                    // the first escalation took the case from the branch: its reply deadline fires on a stopped clock
                    .expectTriggeredDeadlines(due(SlaClock.FIRST_CONTACT, FIRST_CONTACT_DUE),
                            due(SlaClock.BRANCH_REPLY, BRANCH_REPLY_DUE), due(SlaClock.RESOLUTION, RESOLUTION_DUE))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void a_proposal_after_the_due_time_but_before_the_deadline_fired_records_the_breach_then_the_late_decision() {
            CaseHistory history = aCaseInProgressWithFindings();
            Instant proposedAt = history.resolutionDueAt().plus(Duration.ofHours(6));

            fixture.given(history.events())
                    .andGivenCurrentTime(proposedAt)
                    .when(proposeResolution(HANDLER1))
                    .expectEvents(new ResolutionProposed(CASE_ID, RESOLUTION_SUMMARY, null, HANDLER1),
                            new DeadlineBreached(CASE_ID, SlaClock.BRANCH_REPLY, BRANCH_REPLY_DEADLINE_ID,
                                    BRANCH_REPLY_DUE, BRANCH_REPLY_DUE, HANDLER1),
                            new DeadlineMet(CASE_ID, SlaClock.BRANCH_REPLY, BRANCH_REPLY_DEADLINE_ID,
                                    BRANCH_REPLY_DUE, proposedAt, HANDLER1),
                            new DeadlineBreached(CASE_ID, SlaClock.RESOLUTION, RESOLUTION_DEADLINE_ID,
                                    history.resolutionDueAt(), history.resolutionDueAt(), HANDLER1),
                            new DeadlineMet(CASE_ID, SlaClock.RESOLUTION, RESOLUTION_DEADLINE_ID,
                                    history.resolutionDueAt(), proposedAt, HANDLER1));
        }

        @Test
        void a_proposal_after_the_resolution_deadline_fired_records_the_late_decision() {
            CaseHistory history = aCaseInProgressWithFindings().deadlineFired(SlaClock.RESOLUTION);
            Instant proposedAt = history.resolutionDueAt().plus(Duration.ofDays(2));

            fixture.given(history.events())
                    .andGivenCurrentTime(proposedAt)
                    .when(proposeResolution(HANDLER1))
                    .expectEvents(new ResolutionProposed(CASE_ID, RESOLUTION_SUMMARY, null, HANDLER1),
                            new DeadlineMet(CASE_ID, SlaClock.RESOLUTION, RESOLUTION_DEADLINE_ID,
                                    history.resolutionDueAt(), proposedAt, HANDLER1));
        }

        @Test
        void a_resolution_deadline_delivered_after_the_proposal_records_nothing() {
            CaseHistory history = aCaseWithResolutionProposed();

            fixture.given(history.events())
                    .whenInvoking(CASE_ID.value(), complaint -> complaint.onDeadline(
                            due(SlaClock.RESOLUTION, history.resolutionDueAt())))
                    .expectNoEvents();
        }
    }

    @Nested
    class Extension {

        private final Instant extendedDue = RESOLUTION_DUE.plus(Duration.ofDays(10));

        @Test
        void an_extension_cancels_the_resolution_deadline_and_schedules_one_at_the_new_due_time() {
            fixture.givenCommands(registeredAndAssigned())
                    .when(extendDeadline(SUPERVISOR1, 10))
                    .expectEvents(new DeadlineExtended(CASE_ID, SlaClock.RESOLUTION, RESOLUTION_DUE, extendedDue, 10,
                            EXTENSION_REASON, scheduled.idOf(SlaClock.RESOLUTION, RESOLUTION_DUE),
                            scheduled.idOf(SlaClock.RESOLUTION, extendedDue), SUPERVISOR1))
                    .expectScheduledDeadline(extendedDue, due(SlaClock.RESOLUTION, extendedDue))
                    .expectScheduledDeadlineWithName(extendedDue, SlaDeadlineDue.NAME)
                    .expectNoScheduledDeadline(RESOLUTION_DUE, due(SlaClock.RESOLUTION, RESOLUTION_DUE))
                    .expectScheduledDeadline(FIRST_CONTACT_DUE, due(SlaClock.FIRST_CONTACT, FIRST_CONTACT_DUE));
        }

        @Test
        void after_an_extension_nothing_is_recorded_at_the_old_due_time() {
            fixture.givenCommands(registeredAndAssigned(recordContact(HANDLER1), extendDeadline(SUPERVISOR1, 10)))
                    .whenTimeAdvancesTo(RESOLUTION_DUE.plus(Duration.ofDays(1)))
                    // only the branch reply clock, due long before, records its breach
                    .expectEvents(breachRecordedBySystem(SlaClock.BRANCH_REPLY, scheduled.idOf(SlaClock.BRANCH_REPLY),
                                    BRANCH_REPLY_DUE),
                            escalatedBySystem(HandlingLevel.BRANCH, HandlingLevel.FIRST_LEVEL_BRANCH, SlaClock.BRANCH_REPLY,
                                    BRANCH_REPLY_DUE))
                    .expectTriggeredDeadlines(due(SlaClock.BRANCH_REPLY, BRANCH_REPLY_DUE))
                    .expectScheduledDeadline(extendedDue, due(SlaClock.RESOLUTION, extendedDue));
        }

        @Test
        void an_extended_resolution_deadline_fires_at_its_new_due_time() {
            fixture.givenCommands(registeredAndAssigned(recordContact(HANDLER1), extendDeadline(SUPERVISOR1, 10)))
                    .whenTimeAdvancesTo(extendedDue)
                    .expectEvents(
                            breachRecordedBySystem(SlaClock.BRANCH_REPLY, scheduled.idOf(SlaClock.BRANCH_REPLY),
                                    BRANCH_REPLY_DUE),
                            escalatedBySystem(HandlingLevel.BRANCH, HandlingLevel.FIRST_LEVEL_BRANCH, SlaClock.BRANCH_REPLY,
                                    BRANCH_REPLY_DUE),
                            breachRecordedBySystem(SlaClock.RESOLUTION, scheduled.idOf(SlaClock.RESOLUTION, extendedDue), extendedDue),
                            escalatedBySystem(HandlingLevel.FIRST_LEVEL_BRANCH, HandlingLevel.HEAD_OFFICE, SlaClock.RESOLUTION, extendedDue))
                    .expectTriggeredDeadlines(due(SlaClock.BRANCH_REPLY, BRANCH_REPLY_DUE), due(SlaClock.RESOLUTION, extendedDue));
        }

        @Test
        void a_deadline_still_delivered_for_the_old_due_time_records_nothing() {
            CaseHistory history = aCaseInProgressWithFindings().deadlineExtended(10);

            fixture.given(history.events())
                    .whenInvoking(CASE_ID.value(), complaint -> complaint.onDeadline(due(SlaClock.RESOLUTION, RESOLUTION_DUE)))
                    .expectNoEvents();
        }

        @Test
        void an_extension_beyond_the_policy_is_refused_and_the_deadline_stays_as_it_was() {
            fixture.givenCommands(registeredAndAssigned())
                    .when(extendDeadline(SUPERVISOR1, 16))
                    .expectNoEvents()
                    .expectException(refusedWith(BusinessRuleViolation.class, RefusalCode.EXTENSION_BEYOND_POLICY))
                    .expectScheduledDeadline(RESOLUTION_DUE, due(SlaClock.RESOLUTION, RESOLUTION_DUE))
                    .expectNoScheduledDeadline(RESOLUTION_DUE.plus(Duration.ofDays(16)),
                            due(SlaClock.RESOLUTION, RESOLUTION_DUE.plus(Duration.ofDays(16))));
        }

        @Test
        void an_extension_is_refused_once_the_resolution_was_communicated() {
            fixture.given(aCaseWithResolutionProposed().events())
                    .when(extendDeadline(SUPERVISOR1, 5))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.DEADLINE_NOT_RUNNING));
        }

        @Test
        void an_extension_is_refused_once_the_resolution_deadline_has_passed() {
            fixture.given(aCaseInProgressWithFindings().deadlineFired(SlaClock.RESOLUTION).events())
                    .andGivenCurrentTime(RESOLUTION_DUE.plus(Duration.ofHours(1)))
                    .when(extendDeadline(SUPERVISOR1, 5))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.DEADLINE_NOT_RUNNING));
        }

        @Test
        void a_resolution_communicated_on_a_reopened_case_cannot_be_extended() {
            fixture.given(aClosedCase().reopened().events())
                    .when(extendDeadline(SUPERVISOR1, 5))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.DEADLINE_NOT_RUNNING));
        }
    }

    @Nested
    class EndOfTheCase {

        @Test
        void closing_a_case_cancels_the_deadline_still_running() {
            // no contact was recorded, so the first-contact clock still runs when the case is closed
            fixture.givenCommands(registeredAndAssigned(recordFindings(HANDLER1), proposeResolution(HANDLER1), customerAccepts(HANDLER1)))
                    .when(close(HANDLER1))
                    .expectEvents(new ComplaintClosed(CASE_ID, CLOSING_NOTE, HANDLER1))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void after_closure_nothing_is_recorded_when_the_time_passes() {
            fixture.givenCommands(registeredAndAssigned(recordFindings(HANDLER1), proposeResolution(HANDLER1),
                            customerAccepts(HANDLER1), close(HANDLER1)))
                    .whenTimeElapses(Duration.ofDays(30))
                    .expectNoEvents()
                    .expectTriggeredDeadlines();
        }

        @Test
        void a_deadline_still_delivered_after_closure_records_nothing() {
            CaseHistory history = aCaseAssignedTo(HANDLER1).findingsRecorded().resolutionProposed().customerAccepted().closed();

            fixture.given(history.events())
                    .whenInvoking(CASE_ID.value(), complaint -> complaint.onDeadline(
                            due(SlaClock.FIRST_CONTACT, history.firstContactDueAt())))
                    .expectNoEvents();
        }

        @Test
        void withdrawing_a_complaint_cancels_its_deadlines() {
            fixture.givenCommands(registeredAndAssigned())
                    .when(withdraw(INTAKE1))
                    .expectEvents(new ComplaintWithdrawn(CASE_ID, WITHDRAWAL_REASON, INTAKE1))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void a_deadline_still_delivered_after_withdrawal_records_nothing() {
            CaseHistory history = aCaseAssignedTo(HANDLER1).withdrawn();

            fixture.given(history.events())
                    .whenInvoking(CASE_ID.value(), complaint -> complaint.onDeadline(
                            due(SlaClock.FIRST_CONTACT, history.firstContactDueAt())))
                    .expectNoEvents();
        }

        @Test
        void finding_the_case_is_not_a_complaint_cancels_its_deadlines() {
            fixture.givenCommands(REGISTRATION)
                    .when(reviewAsNotAComplaint(SUPERVISOR1))
                    .expectEvents(new ComplaintReviewed(CASE_ID, ReviewOutcome.NOT_A_COMPLAINT, BUSINESS_LINE,
                            HandlingLevel.BRANCH, REVIEW_NOTE, SUPERVISOR1, null))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void a_deadline_still_delivered_for_an_inquiry_records_nothing() {
            CaseHistory history = aCaseThatIsNotAComplaint();

            fixture.given(history.events())
                    .whenInvoking(CASE_ID.value(), complaint -> complaint.onDeadline(
                            due(SlaClock.RESOLUTION, history.resolutionDueAt())))
                    .expectNoEvents();
        }

        @Test
        void accepting_a_complaint_at_review_keeps_its_deadlines() {
            fixture.givenCommands(REGISTRATION)
                    .when(reviewAsComplaint(SUPERVISOR1))
                    .expectScheduledDeadline(FIRST_CONTACT_DUE, due(SlaClock.FIRST_CONTACT, FIRST_CONTACT_DUE))
                    .expectScheduledDeadline(RESOLUTION_DUE, due(SlaClock.RESOLUTION, RESOLUTION_DUE));
        }
    }
}
