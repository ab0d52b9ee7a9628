package com.complaintcase.command.complaint;

import com.complaintcase.events.complaint.CompensationApproved;
import com.complaintcase.events.complaint.CompensationPaid;
import com.complaintcase.events.complaint.CompensationRejected;
import com.complaintcase.events.complaint.DeadlineMet;
import com.complaintcase.events.complaint.FeedbackRecorded;
import com.complaintcase.events.complaint.ResolutionAccepted;
import com.complaintcase.events.complaint.ResolutionProposed;
import com.complaintcase.events.complaint.ResolutionRejected;
import com.complaintcase.values.Money;
import com.complaintcase.values.Role;
import com.complaintcase.values.SatisfactionScore;
import com.complaintcase.values.SlaClock;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.complaintcase.command.complaint.Actors.*;
import static com.complaintcase.command.complaint.CaseHistory.*;
import static com.complaintcase.command.complaint.ComplaintCommands.*;
import static com.complaintcase.command.complaint.RefusalMatcher.refusedWith;
import static com.complaintcase.command.complaint.RegisterComplaintBuilder.CASE_ID;

/**
 * Proposing a resolution, the four-eyes decision on compensation (no branch may promise compensation),
 * the customer's answer, the payment actually made, and the satisfaction survey.
 */
class ResolutionAndCompensationRulesTest extends ComplaintRulesTest {

    @Nested
    class Proposal {

        @Test
        void the_assigned_handler_proposes_a_resolution_without_compensation_which_meets_the_resolution_clock() {
            CaseHistory history = aCaseInProgressWithFindings();

            fixture.given(history.events())
                    .when(proposeResolution(HANDLER1))
                    .expectEvents(new ResolutionProposed(CASE_ID, RESOLUTION_SUMMARY, null, HANDLER1),
                            history.branchReplyMet(Moments.NOW, HANDLER1),
                            resolutionMet(history))
                    .expectResultMessagePayload(new CommandResult(CASE_ID, history.versionAfter(3)));
        }

        @Test
        void the_assigned_handler_may_propose_compensation_which_then_awaits_approval() {
            CaseHistory history = aCaseInProgressWithFindings();

            fixture.given(history.events())
                    .when(proposeResolutionWithCompensation(HANDLER1, COMPENSATION))
                    .expectEvents(new ResolutionProposed(CASE_ID, RESOLUTION_SUMMARY, COMPENSATION, HANDLER1),
                            history.branchReplyMet(Moments.NOW, HANDLER1),
                            resolutionMet(history));
        }

        @Test
        void a_compensation_of_zero_is_recorded_as_no_compensation() {
            CaseHistory history = aCaseInProgressWithFindings();

            fixture.given(history.events())
                    .when(proposeResolutionWithCompensation(HANDLER1, Money.of("0", "CNY")))
                    .expectEvents(new ResolutionProposed(CASE_ID, RESOLUTION_SUMMARY, null, HANDLER1),
                            history.branchReplyMet(Moments.NOW, HANDLER1),
                            resolutionMet(history));
        }

        @Test
        void a_resolution_needs_findings_first() {
            fixture.given(aCaseInProgressWithoutFindings().events())
                    .when(proposeResolution(HANDLER1))
                    .expectNoEvents()
                    .expectException(refusedWith(BusinessRuleViolation.class, RefusalCode.FINDINGS_REQUIRED));
        }

        @Test
        void a_resolution_is_proposed_only_once_the_investigation_is_in_progress() {
            fixture.given(aCaseAssignedTo(HANDLER1).events())
                    .when(proposeResolution(HANDLER1))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.INVALID_STATUS));
        }

        @Test
        void a_second_resolution_cannot_be_proposed_while_one_awaits_the_customer() {
            fixture.given(aCaseWithResolutionProposed().events())
                    .when(proposeResolution(HANDLER1))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.INVALID_STATUS));
        }

        /** The first proposal communicated the decision: the resolution clock is met once, in time, now. */
        private DeadlineMet resolutionMet(CaseHistory history) {
            return new DeadlineMet(CASE_ID, SlaClock.RESOLUTION, RESOLUTION_DEADLINE_ID, history.resolutionDueAt(),
                    Moments.NOW, HANDLER1);
        }

        @Test
        void a_new_resolution_may_be_proposed_after_the_customer_rejected_the_last_one_and_meets_no_clock_again() {
            fixture.given(aCaseWithResolutionProposed().customerRejected().events())
                    .when(proposeResolutionWithCompensation(HANDLER1, COMPENSATION))
                    .expectEvents(new ResolutionProposed(CASE_ID, RESOLUTION_SUMMARY, COMPENSATION, HANDLER1));
        }

        @Test
        void a_new_resolution_may_be_proposed_after_the_compensation_was_refused_and_meets_no_clock_again() {
            fixture.given(aCaseWithCompensationProposed().compensationRejected().events())
                    .when(proposeResolution(HANDLER1))
                    .expectEvents(new ResolutionProposed(CASE_ID, RESOLUTION_SUMMARY, null, HANDLER1));
        }

        @Test
        void a_handler_who_does_not_handle_the_case_may_not_propose_a_resolution() {
            fixture.given(aCaseInProgressWithFindings().events())
                    .when(proposeResolution(HANDLER2))
                    .expectNoEvents()
                    .expectException(refusedWith(ActionNotPermitted.class, RefusalCode.NOT_ASSIGNED_HANDLER));
        }

        @Test
        void a_supervisor_may_not_propose_a_resolution() {
            fixture.given(aCaseInProgressWithFindings().events())
                    .when(proposeResolution(SUPERVISOR1))
                    .expectNoEvents()
                    .expectException(refusedWith(ActionNotPermitted.class, RefusalCode.ROLE_NOT_ALLOWED));
        }
    }

    @Nested
    class CompensationDecision {

        @Test
        void a_supervisor_other_than_the_proposer_and_the_handler_approves_the_compensation() {
            CaseHistory history = aCaseWithCompensationProposed();

            fixture.given(history.events())
                    .when(approveCompensation(SUPERVISOR1))
                    .expectEvents(new CompensationApproved(CASE_ID, COMPENSATION, "handler1", DECISION_NOTE, SUPERVISOR1))
                    .expectResultMessagePayload(new CommandResult(CASE_ID, history.versionAfter(1)));
        }

        @Test
        void a_supervisor_may_refuse_the_compensation() {
            fixture.given(aCaseWithCompensationProposed().events())
                    .when(rejectCompensation(SUPERVISOR2))
                    .expectEvents(new CompensationRejected(CASE_ID, COMPENSATION, "handler1", DECISION_NOTE, SUPERVISOR2));
        }

        @Test
        void compensation_approval_is_refused_when_the_approver_proposed_it() {
            fixture.given(aCaseWithCompensationProposed().events())
                    .when(approveCompensation(actingAs(HANDLER1, Role.SUPERVISOR)))
                    .expectNoEvents()
                    .expectException(refusedWith(BusinessRuleViolation.class, RefusalCode.FOUR_EYES_REQUIRED));
        }

        @Test
        void compensation_refusal_also_needs_a_second_person() {
            fixture.given(aCaseWithCompensationProposed().events())
                    .when(rejectCompensation(actingAs(HANDLER1, Role.SUPERVISOR)))
                    .expectNoEvents()
                    .expectException(refusedWith(BusinessRuleViolation.class, RefusalCode.FOUR_EYES_REQUIRED));
        }

        @Test
        void compensation_approval_is_refused_when_the_approver_handles_the_case() {
            // handler2 took the case over after handler1's proposal (only reachable by a reassignment the
            // current rules do not allow while a resolution is pending; the four-eyes rule guards it anyway)
            CaseHistory history = aCaseWithCompensationProposed().assignedTo(HANDLER2);

            fixture.given(history.events())
                    .when(approveCompensation(actingAs(HANDLER2, Role.SUPERVISOR)))
                    .expectNoEvents()
                    .expectException(refusedWith(BusinessRuleViolation.class, RefusalCode.FOUR_EYES_REQUIRED));
        }

        @Test
        void a_handler_may_not_approve_compensation() {
            fixture.given(aCaseWithCompensationProposed().events())
                    .when(approveCompensation(HANDLER2))
                    .expectNoEvents()
                    .expectException(refusedWith(ActionNotPermitted.class, RefusalCode.ROLE_NOT_ALLOWED));
        }

        @Test
        void there_is_nothing_to_approve_when_no_compensation_was_proposed() {
            fixture.given(aCaseWithResolutionProposed().events())
                    .when(approveCompensation(SUPERVISOR1))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.NO_PENDING_COMPENSATION));
        }

        @Test
        void compensation_is_decided_only_once() {
            fixture.given(aCaseWithCompensationApproved().events())
                    .when(approveCompensation(SUPERVISOR2))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.NO_PENDING_COMPENSATION));
        }

        @Test
        void compensation_is_decided_only_on_a_proposed_resolution() {
            fixture.given(aCaseInProgressWithFindings().events())
                    .when(approveCompensation(SUPERVISOR1))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.INVALID_STATUS));
        }
    }

    @Nested
    class CustomerResponse {

        @Test
        void the_customer_accepting_a_resolution_without_compensation_resolves_the_case() {
            CaseHistory history = aCaseWithResolutionProposed();

            fixture.given(history.events())
                    .when(customerAccepts(HANDLER1))
                    .expectEvents(new ResolutionAccepted(CASE_ID, CUSTOMER_COMMENT, HANDLER1))
                    .expectResultMessagePayload(new CommandResult(CASE_ID, history.versionAfter(1)));
        }

        @Test
        void the_customer_may_accept_an_approved_compensation() {
            fixture.given(aCaseWithCompensationApproved().events())
                    .when(customerAccepts(HANDLER1))
                    .expectEvents(new ResolutionAccepted(CASE_ID, CUSTOMER_COMMENT, HANDLER1));
        }

        @Test
        void the_customer_may_reject_the_proposed_resolution() {
            fixture.given(aCaseWithCompensationApproved().events())
                    .when(customerRejects(HANDLER1))
                    .expectEvents(new ResolutionRejected(CASE_ID, CUSTOMER_COMMENT, HANDLER1));
        }

        @Test
        void the_customers_answer_is_not_taken_before_the_compensation_is_approved() {
            fixture.given(aCaseWithCompensationProposed().events())
                    .when(customerAccepts(HANDLER1))
                    .expectNoEvents()
                    .expectException(refusedWith(BusinessRuleViolation.class, RefusalCode.COMPENSATION_NOT_APPROVED));
        }

        @Test
        void after_the_compensation_was_refused_there_is_no_proposal_to_answer() {
            fixture.given(aCaseWithCompensationProposed().compensationRejected().events())
                    .when(customerAccepts(HANDLER1))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.INVALID_STATUS));
        }

        @Test
        void there_is_no_answer_to_record_before_a_resolution_is_proposed() {
            fixture.given(aCaseInProgressWithFindings().events())
                    .when(customerAccepts(HANDLER1))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.INVALID_STATUS));
        }

        @Test
        void a_handler_who_does_not_handle_the_case_may_not_record_the_customers_answer() {
            fixture.given(aCaseWithResolutionProposed().events())
                    .when(customerAccepts(HANDLER2))
                    .expectNoEvents()
                    .expectException(refusedWith(ActionNotPermitted.class, RefusalCode.NOT_ASSIGNED_HANDLER));
        }

        @Test
        void a_supervisor_may_not_record_the_customers_answer() {
            fixture.given(aCaseWithResolutionProposed().events())
                    .when(customerAccepts(SUPERVISOR1))
                    .expectNoEvents()
                    .expectException(refusedWith(ActionNotPermitted.class, RefusalCode.ROLE_NOT_ALLOWED));
        }
    }

    @Nested
    class Payment {

        @Test
        void the_handler_records_the_approved_compensation_paid_in_full() {
            CaseHistory history = aResolvedCaseWithCompensation();
            Instant paidAt = Moments.minutesAgo(5);

            fixture.given(history.events())
                    .when(recordPayment(HANDLER1, COMPENSATION, paidAt))
                    .expectEvents(new CompensationPaid(CASE_ID, COMPENSATION, paidAt, PAYMENT_REFERENCE, HANDLER1))
                    .expectResultMessagePayload(new CommandResult(CASE_ID, history.versionAfter(1)));
        }

        @Test
        void a_supervisor_may_record_a_payment_of_less_than_approved() {
            Money partial = Money.of("300.00", "CNY");

            fixture.given(aResolvedCaseWithCompensation().events())
                    .when(recordPayment(SUPERVISOR1, partial, Moments.NOW))
                    .expectEvents(new CompensationPaid(CASE_ID, partial, Moments.NOW, PAYMENT_REFERENCE, SUPERVISOR1));
        }

        @Test
        void a_payment_may_be_recorded_after_the_case_was_closed() {
            fixture.given(aResolvedCaseWithCompensation().closed().events())
                    .when(recordPaymentInFull(HANDLER1))
                    .expectEvents(new CompensationPaid(CASE_ID, COMPENSATION, Moments.NOW, PAYMENT_REFERENCE, HANDLER1));
        }

        @Test
        void more_than_the_approved_compensation_cannot_be_paid() {
            fixture.given(aResolvedCaseWithCompensation().events())
                    .when(recordPayment(HANDLER1, Money.of("500.01", "CNY"), Moments.NOW))
                    .expectNoEvents()
                    .expectException(refusedWith(BusinessRuleViolation.class, RefusalCode.PAYMENT_EXCEEDS_APPROVED));
        }

        @Test
        void compensation_is_paid_in_the_approved_currency() {
            fixture.given(aResolvedCaseWithCompensation().events())
                    .when(recordPayment(HANDLER1, Money.of("60.00", "USD"), Moments.NOW))
                    .expectNoEvents()
                    .expectException(refusedWith(BusinessRuleViolation.class, RefusalCode.PAYMENT_CURRENCY_MISMATCH));
        }

        @Test
        void the_compensation_is_paid_only_once() {
            fixture.given(aResolvedCaseWithCompensation().compensationPaid().events())
                    .when(recordPaymentInFull(HANDLER1))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.COMPENSATION_ALREADY_PAID));
        }

        @Test
        void nothing_is_paid_when_the_resolution_had_no_compensation() {
            fixture.given(aResolvedCase().events())
                    .when(recordPaymentInFull(HANDLER1))
                    .expectNoEvents()
                    .expectException(refusedWith(BusinessRuleViolation.class, RefusalCode.NO_APPROVED_COMPENSATION));
        }

        @Test
        void approved_compensation_is_not_paid_before_the_customer_accepts_it() {
            fixture.given(aCaseWithCompensationApproved().events())
                    .when(recordPaymentInFull(HANDLER1))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.INVALID_STATUS));
        }

        @Test
        void a_payment_in_the_future_is_refused() {
            fixture.given(aResolvedCaseWithCompensation().events())
                    .when(recordPayment(HANDLER1, COMPENSATION, Moments.minutesFromNow(10)))
                    .expectNoEvents()
                    .expectException(refusedWith(BusinessRuleViolation.class, RefusalCode.TIME_IN_FUTURE));
        }

        @Test
        void a_handler_who_does_not_handle_the_case_may_not_record_a_payment() {
            fixture.given(aResolvedCaseWithCompensation().events())
                    .when(recordPaymentInFull(HANDLER2))
                    .expectNoEvents()
                    .expectException(refusedWith(ActionNotPermitted.class, RefusalCode.NOT_ASSIGNED_HANDLER));
        }

        @Test
        void intake_may_not_record_a_payment() {
            fixture.given(aResolvedCaseWithCompensation().events())
                    .when(recordPaymentInFull(INTAKE1))
                    .expectNoEvents()
                    .expectException(refusedWith(ActionNotPermitted.class, RefusalCode.ROLE_NOT_ALLOWED));
        }
    }

    @Nested
    class Feedback {

        @Test
        void the_handler_records_the_customers_satisfaction_after_resolution() {
            CaseHistory history = aResolvedCase();

            fixture.given(history.events())
                    .when(recordFeedback(HANDLER1))
                    .expectEvents(new FeedbackRecorded(CASE_ID, SATISFIED, FEEDBACK_COMMENT, HANDLER1))
                    .expectResultMessagePayload(new CommandResult(CASE_ID, history.versionAfter(1)));
        }

        @Test
        void intake_may_record_the_survey_answer_of_a_closed_case() {
            SatisfactionScore dissatisfied = SatisfactionScore.of(2);

            fixture.given(aClosedCase().events())
                    .when(recordFeedback(INTAKE1, dissatisfied))
                    .expectEvents(new FeedbackRecorded(CASE_ID, dissatisfied, FEEDBACK_COMMENT, INTAKE1));
        }

        @Test
        void feedback_is_recorded_once_per_resolution() {
            fixture.given(aResolvedCase().feedbackRecorded().events())
                    .when(recordFeedback(INTAKE1))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.FEEDBACK_ALREADY_RECORDED));
        }

        @Test
        void feedback_is_recorded_once_per_resolution_even_after_closure() {
            fixture.given(aResolvedCase().feedbackRecorded().closed().events())
                    .when(recordFeedback(HANDLER1))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.FEEDBACK_ALREADY_RECORDED));
        }

        @Test
        void a_reopened_case_gets_new_feedback_on_its_new_resolution() {
            CaseHistory history = aResolvedCase().feedbackRecorded().closed()
                    .reopened().resolutionProposed().customerAccepted();

            fixture.given(history.events())
                    .when(recordFeedback(HANDLER1))
                    .expectEvents(new FeedbackRecorded(CASE_ID, SATISFIED, FEEDBACK_COMMENT, HANDLER1));
        }

        @Test
        void feedback_waits_for_a_resolution() {
            fixture.given(aCaseWithResolutionProposed().events())
                    .when(recordFeedback(HANDLER1))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.INVALID_STATUS));
        }

        @Test
        void no_feedback_is_recorded_on_a_withdrawn_complaint() {
            fixture.given(aWithdrawnCase().events())
                    .when(recordFeedback(INTAKE1))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.COMPLAINT_WITHDRAWN));
        }

        @Test
        void a_handler_who_does_not_handle_the_case_may_not_record_feedback() {
            fixture.given(aResolvedCase().events())
                    .when(recordFeedback(HANDLER2))
                    .expectNoEvents()
                    .expectException(refusedWith(ActionNotPermitted.class, RefusalCode.NOT_ASSIGNED_HANDLER));
        }

        @Test
        void a_supervisor_may_not_record_feedback() {
            fixture.given(aResolvedCase().events())
                    .when(recordFeedback(SUPERVISOR1))
                    .expectNoEvents()
                    .expectException(refusedWith(ActionNotPermitted.class, RefusalCode.ROLE_NOT_ALLOWED));
        }
    }
}
