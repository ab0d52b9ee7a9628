package com.complaintcase.command.complaint;

import com.complaintcase.command.complaint.registration.RegisterComplaint;
import com.complaintcase.command.complaint.sla.PolicyPack;
import com.complaintcase.command.complaint.sla.TestPacks;
import com.complaintcase.events.complaint.ComplaintEscalated;
import com.complaintcase.events.complaint.ComplaintReviewed;
import com.complaintcase.events.complaint.ComplaintTransferred;
import com.complaintcase.events.complaint.ComplaintWithdrawn;
import com.complaintcase.events.complaint.DeadlineBreached;
import com.complaintcase.events.complaint.DeadlineMet;
import com.complaintcase.events.complaint.DeadlineSet;
import com.complaintcase.events.complaint.HandlerAssigned;
import com.complaintcase.events.complaint.ResolutionProposed;
import com.complaintcase.values.Actor;
import com.complaintcase.values.BranchCode;
import com.complaintcase.values.EscalationReason;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.ReviewOutcome;
import com.complaintcase.values.SlaClock;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static com.complaintcase.command.complaint.Actors.*;
import static com.complaintcase.command.complaint.CaseHistory.*;
import static com.complaintcase.command.complaint.ComplaintCommands.*;
import static com.complaintcase.command.complaint.Moments.NOW;
import static com.complaintcase.command.complaint.RegisterComplaintBuilder.CASE_ID;
import static com.complaintcase.command.complaint.RegisterComplaintBuilder.HOME_BRANCH;
import static com.complaintcase.command.complaint.RegisterComplaintBuilder.aComplaint;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The BANK_INTERNAL clocks of a handover (domain brief, section 6): a complaint the unit cannot handle is forwarded
 * within 1 hour of reaching it; the receiving unit starts work (assigns a handler) within 2 hours of the transfer; a
 * branch-handled complaint is answered by the branch within 1 working day of registration.
 * {@link Moments#NOW} is Friday 20 November 2026, 09:15 UTC.
 */
class BankInternalHandoverClockRulesTest extends ComplaintRulesTest {

    private static final RegisterComplaint REGISTRATION = aComplaint().build();
    private static final Instant BRANCH_REPLY_DUE = branchReplyDueAt(NOW);

    private static SlaDeadlineDue due(SlaClock clock, Instant dueAt) {
        return new SlaDeadlineDue(clock, dueAt);
    }

    private static ComplaintEscalated escalatedBySystem(SlaClock clock, Instant dueAt) {
        return new ComplaintEscalated(CASE_ID, HandlingLevel.BRANCH, HandlingLevel.FIRST_LEVEL_BRANCH,
                EscalationReason.SLA_BREACH, slaBreachNote(clock, dueAt), SYSTEM);
    }

    private ComplaintTransferred transferred(BranchCode from, BranchCode to, Instant at, Actor by) {
        return new ComplaintTransferred(CASE_ID, from, to, TRANSFER_REASON, null, by, at,
                new DeadlineSet(SlaClock.START_WORK, at.plus(Duration.ofHours(2)), scheduled.idOf(SlaClock.START_WORK)));
    }

    @Nested
    class StartWork {

        private final Instant startWorkDue = NOW.plus(Duration.ofHours(2));

        @Test
        void a_transfer_starts_the_receiving_units_start_work_clock_2_clock_hours_later() {
            fixture.givenCommands(REGISTRATION, reviewAsComplaint(SUPERVISOR1))
                    .when(transfer(SUPERVISOR1, CARD_CENTRE))
                    .expectEvents(transferred(HOME_BRANCH, CARD_CENTRE, NOW, SUPERVISOR1),
                            new DeadlineMet(CASE_ID, SlaClock.FORWARD, null, NOW.plus(Duration.ofHours(1)), NOW, SUPERVISOR1))
                    .expectScheduledDeadline(startWorkDue, due(SlaClock.START_WORK, startWorkDue));
        }

        @Test
        void the_receiving_unit_assigning_a_handler_within_2_hours_meets_the_start_work_clock() {
            fixture.givenCommands(REGISTRATION, reviewAsComplaint(SUPERVISOR1), transfer(SUPERVISOR1, CARD_CENTRE))
                    .when(assign(SUPERVISOR2, HANDLER2))
                    .expectEvents(new HandlerAssigned(CASE_ID, "handler2", null, SUPERVISOR2),
                            new DeadlineMet(CASE_ID, SlaClock.START_WORK, scheduled.idOf(SlaClock.START_WORK), startWorkDue,
                                    NOW, SUPERVISOR2))
                    .expectNoScheduledDeadline(startWorkDue, due(SlaClock.START_WORK, startWorkDue));
        }

        @Test
        void no_handler_within_2_hours_of_the_transfer_is_a_breach_that_escalates() {
            fixture.givenCommands(REGISTRATION, reviewAsComplaint(SUPERVISOR1), transfer(SUPERVISOR1, CARD_CENTRE))
                    .whenTimeElapses(Duration.ofMinutes(121))
                    .expectEvents(new DeadlineBreached(CASE_ID, SlaClock.START_WORK, scheduled.idOf(SlaClock.START_WORK),
                                    startWorkDue, startWorkDue, SYSTEM),
                            escalatedBySystem(SlaClock.START_WORK, startWorkDue))
                    .expectTriggeredDeadlines(due(SlaClock.START_WORK, startWorkDue));
        }

        @Test
        void a_handler_assigned_after_the_breach_meets_the_start_work_clock_late() {
            CaseHistory history = anAcceptedCase().transferredTo(CARD_CENTRE).deadlineFired(SlaClock.START_WORK);
            DeadlineSet startWork = history.deadline(SlaClock.START_WORK);

            fixture.given(history.events())
                    .andGivenCurrentTime(NOW.plus(Duration.ofHours(3)))
                    .when(assign(SUPERVISOR2, HANDLER2))
                    .expectEvents(new HandlerAssigned(CASE_ID, "handler2", null, SUPERVISOR2),
                            new DeadlineMet(CASE_ID, SlaClock.START_WORK, startWork.deadlineId(), startWork.dueAt(),
                                    NOW.plus(Duration.ofHours(3)), SUPERVISOR2));
        }

        @Test
        void a_second_transfer_replaces_the_running_start_work_clock() {
            Instant secondTransfer = NOW.plus(Duration.ofMinutes(30));
            Instant newDue = secondTransfer.plus(Duration.ofHours(2));

            // given events schedule nothing: the replaced deadline is the one the first transfer recorded
            fixture.given(anAcceptedCase().transferredTo(CARD_CENTRE).events())
                    .andGivenCurrentTime(secondTransfer)
                    .when(transfer(SUPERVISOR2, HOME_BRANCH))
                    .expectEvents(transferred(CARD_CENTRE, HOME_BRANCH, secondTransfer, SUPERVISOR2),
                            new DeadlineMet(CASE_ID, SlaClock.FORWARD, null, NOW.plus(Duration.ofHours(1)),
                                    secondTransfer, SUPERVISOR2))
                    .expectScheduledDeadline(newDue, due(SlaClock.START_WORK, newDue));
        }

        @Test
        void after_a_second_transfer_an_assignment_meets_the_new_start_work_clock() {
            CaseHistory history = anAcceptedCase().transferredTo(CARD_CENTRE)
                    .transferredTo(HOME_BRANCH, NOW.plus(Duration.ofMinutes(30)));

            fixture.given(history.events())
                    .andGivenCurrentTime(NOW.plus(Duration.ofMinutes(45)))
                    .when(assign(SUPERVISOR1, HANDLER1))
                    .expectEvents(new HandlerAssigned(CASE_ID, "handler1", null, SUPERVISOR1),
                            new DeadlineMet(CASE_ID, SlaClock.START_WORK, "sla-start-work-2",
                                    NOW.plus(Duration.ofMinutes(150)), NOW.plus(Duration.ofMinutes(45)), SUPERVISOR1));
        }

        @Test
        void withdrawing_the_case_cancels_the_running_start_work_clock() {
            fixture.givenCommands(REGISTRATION, reviewAsComplaint(SUPERVISOR1), transfer(SUPERVISOR1, CARD_CENTRE))
                    .when(withdraw(INTAKE1))
                    .expectEvents(new ComplaintWithdrawn(CASE_ID, WITHDRAWAL_REASON, INTAKE1))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void a_deadline_delivered_for_a_replaced_start_work_clock_records_nothing() {
            CaseHistory history = anAcceptedCase().transferredTo(CARD_CENTRE)
                    .transferredTo(HOME_BRANCH, NOW.plus(Duration.ofMinutes(30)));

            fixture.given(history.events())
                    .whenInvoking(CASE_ID.value(), complaint -> complaint.onDeadline(due(SlaClock.START_WORK, startWorkDue)))
                    .expectNoEvents();
        }
    }

    @Nested
    class Forward {

        @Test
        void a_transfer_more_than_an_hour_after_registration_records_the_forward_breach_then_the_late_forward() {
            Instant transferredAt = NOW.plus(Duration.ofHours(3));
            Instant forwardDue = NOW.plus(Duration.ofHours(1));

            fixture.given(aRegisteredCase().events())
                    .andGivenCurrentTime(transferredAt)
                    .when(transfer(SUPERVISOR1, CARD_CENTRE))
                    .expectEvents(transferred(HOME_BRANCH, CARD_CENTRE, transferredAt, SUPERVISOR1),
                            new DeadlineBreached(CASE_ID, SlaClock.FORWARD, null, forwardDue, forwardDue, SUPERVISOR1),
                            new DeadlineMet(CASE_ID, SlaClock.FORWARD, null, forwardDue, transferredAt, SUPERVISOR1));
        }

        @Test
        void the_forward_clock_counts_from_the_previous_transfer() {
            Instant firstTransfer = NOW.plus(Duration.ofHours(5));
            Instant secondTransfer = firstTransfer.plus(Duration.ofMinutes(50));

            fixture.given(anAcceptedCase().transferredTo(CARD_CENTRE, firstTransfer).events())
                    .andGivenCurrentTime(secondTransfer)
                    .when(transfer(SUPERVISOR1, HOME_BRANCH))
                    .expectEvents(transferred(CARD_CENTRE, HOME_BRANCH, secondTransfer, SUPERVISOR1),
                            new DeadlineMet(CASE_ID, SlaClock.FORWARD, null, firstTransfer.plus(Duration.ofHours(1)),
                                    secondTransfer, SUPERVISOR1));
        }

        @Test
        void packs_without_handover_clocks_record_only_the_transfer() {
            useFixtureWith(POLICY, TestPacks.choosing(PACKS, PolicyPack.CN_NFRA, Map.of(), Map.of()));

            fixture.givenCommands(REGISTRATION, reviewAsComplaint(SUPERVISOR1))
                    .when(transfer(SUPERVISOR1, CARD_CENTRE))
                    .expectEvents(new ComplaintTransferred(CASE_ID, HOME_BRANCH, CARD_CENTRE, TRANSFER_REASON, null,
                            SUPERVISOR1, NOW, null));
        }
    }

    @Nested
    class BranchReply {

        @Test
        void accepting_at_branch_level_starts_the_branch_reply_clock_a_working_day_after_registration() {
            assertThat(BRANCH_REPLY_DUE).isAfter(NOW.plus(Duration.ofDays(2)));
            fixture.givenCommands(REGISTRATION)
                    .when(reviewAsComplaint(SUPERVISOR1))
                    .expectEvents(new ComplaintReviewed(CASE_ID, ReviewOutcome.ACCEPTED, BUSINESS_LINE, HandlingLevel.BRANCH,
                            REVIEW_NOTE, SUPERVISOR1, new DeadlineSet(SlaClock.BRANCH_REPLY, BRANCH_REPLY_DUE,
                            scheduled.idOf(SlaClock.BRANCH_REPLY))))
                    .expectScheduledDeadline(BRANCH_REPLY_DUE, due(SlaClock.BRANCH_REPLY, BRANCH_REPLY_DUE));
        }

        @Test
        void accepting_above_branch_level_starts_no_branch_reply_clock() {
            fixture.givenCommands(REGISTRATION)
                    .when(reviewAsComplaint(SUPERVISOR1, HandlingLevel.FIRST_LEVEL_BRANCH))
                    .expectEvents(new ComplaintReviewed(CASE_ID, ReviewOutcome.ACCEPTED, BUSINESS_LINE,
                            HandlingLevel.FIRST_LEVEL_BRANCH, REVIEW_NOTE, SUPERVISOR1, null))
                    .expectNoScheduledDeadline(BRANCH_REPLY_DUE, due(SlaClock.BRANCH_REPLY, BRANCH_REPLY_DUE));
        }

        @Test
        void a_proposal_within_the_working_day_meets_the_branch_reply_clock() {
            fixture.givenCommands(REGISTRATION, reviewAsComplaint(SUPERVISOR1), assign(SUPERVISOR1, HANDLER1),
                            recordContact(HANDLER1), recordFindings(HANDLER1))
                    .when(proposeResolution(HANDLER1))
                    .expectEvents(new ResolutionProposed(CASE_ID, RESOLUTION_SUMMARY, null, HANDLER1),
                            new DeadlineMet(CASE_ID, SlaClock.BRANCH_REPLY, scheduled.idOf(SlaClock.BRANCH_REPLY),
                                    BRANCH_REPLY_DUE, NOW, HANDLER1),
                            new DeadlineMet(CASE_ID, SlaClock.RESOLUTION, scheduled.idOf(SlaClock.RESOLUTION),
                                    Moments.hoursAgo(1).plus(Duration.ofDays(15)), NOW, HANDLER1))
                    .expectNoScheduledDeadline(BRANCH_REPLY_DUE, due(SlaClock.BRANCH_REPLY, BRANCH_REPLY_DUE));
        }

        @Test
        void no_reply_within_a_working_day_is_a_breach_that_escalates() {
            fixture.givenCommands(REGISTRATION, reviewAsComplaint(SUPERVISOR1), assign(SUPERVISOR1, HANDLER1),
                            recordContact(HANDLER1))
                    .whenTimeAdvancesTo(BRANCH_REPLY_DUE)
                    .expectEvents(new DeadlineBreached(CASE_ID, SlaClock.BRANCH_REPLY, scheduled.idOf(SlaClock.BRANCH_REPLY),
                                    BRANCH_REPLY_DUE, BRANCH_REPLY_DUE, SYSTEM),
                            escalatedBySystem(SlaClock.BRANCH_REPLY, BRANCH_REPLY_DUE))
                    .expectTriggeredDeadlines(due(SlaClock.BRANCH_REPLY, BRANCH_REPLY_DUE));
        }

        @Test
        void escalating_the_case_above_the_branch_stops_the_branch_reply_clock() {
            fixture.givenCommands(REGISTRATION, reviewAsComplaint(SUPERVISOR1))
                    .when(escalate(SUPERVISOR1))
                    .expectEvents(new ComplaintEscalated(CASE_ID, HandlingLevel.BRANCH, HandlingLevel.FIRST_LEVEL_BRANCH,
                            EscalationReason.MEDIA_THREAT, ESCALATION_NOTE, SUPERVISOR1))
                    .expectNoScheduledDeadline(BRANCH_REPLY_DUE, due(SlaClock.BRANCH_REPLY, BRANCH_REPLY_DUE));
        }

        @Test
        void a_proposal_after_the_case_left_the_branch_meets_no_branch_reply_clock() {
            CaseHistory history = aCaseInProgressWithFindings().escalatedTo(HandlingLevel.FIRST_LEVEL_BRANCH);

            fixture.given(history.events())
                    .when(proposeResolution(HANDLER1))
                    .expectEvents(new ResolutionProposed(CASE_ID, RESOLUTION_SUMMARY, null, HANDLER1),
                            new DeadlineMet(CASE_ID, SlaClock.RESOLUTION, RESOLUTION_DEADLINE_ID, history.resolutionDueAt(),
                                    NOW, HANDLER1));
        }

        @Test
        void a_branch_reply_deadline_delivered_after_the_case_left_the_branch_records_nothing() {
            CaseHistory history = anAcceptedCase().escalatedTo(HandlingLevel.FIRST_LEVEL_BRANCH);

            fixture.given(history.events())
                    .whenInvoking(CASE_ID.value(), complaint -> complaint.onDeadline(due(SlaClock.BRANCH_REPLY, BRANCH_REPLY_DUE)))
                    .expectNoEvents();
        }

        @Test
        void withdrawing_the_case_cancels_the_branch_reply_clock() {
            fixture.givenCommands(REGISTRATION, reviewAsComplaint(SUPERVISOR1))
                    .when(withdraw(INTAKE1))
                    .expectEvents(new ComplaintWithdrawn(CASE_ID, WITHDRAWAL_REASON, INTAKE1))
                    .expectNoScheduledDeadlines();
        }
    }
}
