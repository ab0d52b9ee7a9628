package com.complaintcase.command.complaint;

import com.complaintcase.events.complaint.CompensationPaid;
import com.complaintcase.events.complaint.ComplaintClosed;
import com.complaintcase.events.complaint.ComplaintReopened;
import com.complaintcase.events.complaint.ComplaintWithdrawn;
import com.complaintcase.events.complaint.ResolutionProposed;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static com.complaintcase.command.complaint.Actors.*;
import static com.complaintcase.command.complaint.CaseHistory.*;
import static com.complaintcase.command.complaint.ComplaintCommands.*;
import static com.complaintcase.command.complaint.RefusalMatcher.refusedWith;
import static com.complaintcase.command.complaint.RegisterComplaintBuilder.CASE_ID;

/** Closing a resolved case, reopening it when the customer complains again, and withdrawal by the customer. */
class ClosureRulesTest extends ComplaintRulesTest {

    @Nested
    class Close {

        @Test
        void the_assigned_handler_closes_a_resolved_case() {
            CaseHistory history = aResolvedCase();

            fixture.given(history.events())
                    .when(close(HANDLER1))
                    .expectEvents(new ComplaintClosed(CASE_ID, CLOSING_NOTE, HANDLER1))
                    .expectResultMessagePayload(new CommandResult(CASE_ID, history.versionAfter(1)));
        }

        @Test
        void a_supervisor_may_close_a_resolved_case() {
            fixture.given(aResolvedCase().events())
                    .when(close(SUPERVISOR2))
                    .expectEvents(new ComplaintClosed(CASE_ID, CLOSING_NOTE, SUPERVISOR2));
        }

        @Test
        void intake_may_not_close_a_case() {
            fixture.given(aResolvedCase().events())
                    .when(close(INTAKE1))
                    .expectNoEvents()
                    .expectException(refusedWith(ActionNotPermitted.class, RefusalCode.ROLE_NOT_ALLOWED));
        }

        @Test
        void a_handler_who_does_not_handle_the_case_may_not_close_it() {
            fixture.given(aResolvedCase().events())
                    .when(close(HANDLER2))
                    .expectNoEvents()
                    .expectException(refusedWith(ActionNotPermitted.class, RefusalCode.NOT_ASSIGNED_HANDLER));
        }

        @Test
        void a_case_is_closed_only_once_resolved() {
            fixture.given(aCaseWithResolutionProposed().events())
                    .when(close(HANDLER1))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.INVALID_STATUS));
        }

        @Test
        void a_closed_case_cannot_be_closed_again() {
            fixture.given(aClosedCase().events())
                    .when(close(SUPERVISOR1))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.COMPLAINT_CLOSED));
        }

        @Test
        void a_withdrawn_complaint_is_not_closed() {
            fixture.given(aWithdrawnCase().events())
                    .when(close(SUPERVISOR1))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.COMPLAINT_WITHDRAWN));
        }

        @Test
        void an_inquiry_is_not_closed() {
            fixture.given(aCaseThatIsNotAComplaint().events())
                    .when(close(SUPERVISOR1))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.COMPLAINT_NOT_A_COMPLAINT));
        }
    }

    @Nested
    class Reopen {

        @Test
        void intake_reopens_a_closed_case_when_the_customer_complains_again() {
            CaseHistory history = aClosedCase();

            fixture.given(history.events())
                    .when(reopen(INTAKE1))
                    .expectEvents(new ComplaintReopened(CASE_ID, REOPEN_REASON, INTAKE1))
                    .expectResultMessagePayload(new CommandResult(CASE_ID, history.versionAfter(1)));
        }

        @Test
        void a_supervisor_may_reopen_a_closed_case() {
            fixture.given(aClosedCase().events())
                    .when(reopen(SUPERVISOR1))
                    .expectEvents(new ComplaintReopened(CASE_ID, REOPEN_REASON, SUPERVISOR1));
        }

        @Test
        void a_handler_may_not_reopen_a_case() {
            fixture.given(aClosedCase().events())
                    .when(reopen(HANDLER1))
                    .expectNoEvents()
                    .expectException(refusedWith(ActionNotPermitted.class, RefusalCode.ROLE_NOT_ALLOWED));
        }

        @Test
        void only_a_closed_case_is_reopened() {
            fixture.given(aResolvedCase().events())
                    .when(reopen(INTAKE1))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.INVALID_STATUS));
        }

        @Test
        void a_withdrawn_complaint_is_not_reopened() {
            fixture.given(aWithdrawnCase().events())
                    .when(reopen(INTAKE1))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.COMPLAINT_WITHDRAWN));
        }

        @Test
        void an_inquiry_is_not_reopened() {
            fixture.given(aCaseThatIsNotAComplaint().events())
                    .when(reopen(SUPERVISOR1))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.COMPLAINT_NOT_A_COMPLAINT));
        }

        @Test
        void a_reopened_case_is_in_progress_again_with_its_handler() {
            fixture.given(aClosedCase().reopened().events())
                    .when(proposeResolution(HANDLER1))
                    .expectEvents(new ResolutionProposed(CASE_ID, RESOLUTION_SUMMARY, null, HANDLER1));
        }

        @Test
        void a_reopened_case_is_not_closed_again_before_it_is_resolved_again() {
            fixture.given(aClosedCase().reopened().events())
                    .when(close(HANDLER1))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.INVALID_STATUS));
        }

        @Test
        void a_reopened_case_is_closed_again_once_resolved_again() {
            CaseHistory history = aClosedCase().reopened().resolutionProposed().customerAccepted();

            fixture.given(history.events())
                    .when(close(HANDLER1))
                    .expectEvents(new ComplaintClosed(CASE_ID, CLOSING_NOTE, HANDLER1))
                    .expectResultMessagePayload(new CommandResult(CASE_ID, history.versionAfter(1)));
        }

        @Test
        void a_compensation_proposed_before_closure_needs_a_new_proposal_after_reopening() {
            fixture.given(aResolvedCaseWithCompensation().closed().reopened().events())
                    .when(approveCompensation(SUPERVISOR2))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.INVALID_STATUS));
        }

        @Test
        void an_agreed_compensation_not_yet_paid_can_still_be_paid_after_reopening() {
            fixture.given(aResolvedCaseWithCompensation().closed().reopened().events())
                    .when(recordPaymentInFull(HANDLER1))
                    .expectEvents(new CompensationPaid(CASE_ID, COMPENSATION, Moments.NOW, PAYMENT_REFERENCE, HANDLER1));
        }
    }

    @Nested
    class Withdraw {

        @Test
        void intake_records_the_customers_withdrawal() {
            CaseHistory history = anAcceptedCase();

            fixture.given(history.events())
                    .when(withdraw(INTAKE1))
                    .expectEvents(new ComplaintWithdrawn(CASE_ID, WITHDRAWAL_REASON, INTAKE1))
                    .expectResultMessagePayload(new CommandResult(CASE_ID, history.versionAfter(1)));
        }

        @Test
        void the_assigned_handler_records_the_customers_withdrawal() {
            fixture.given(aCaseInProgressWithFindings().events())
                    .when(withdraw(HANDLER1))
                    .expectEvents(new ComplaintWithdrawn(CASE_ID, WITHDRAWAL_REASON, HANDLER1));
        }

        @Test
        void a_complaint_may_be_withdrawn_right_after_registration() {
            fixture.given(aRegisteredCase().events())
                    .when(withdraw(INTAKE1))
                    .expectEvents(new ComplaintWithdrawn(CASE_ID, WITHDRAWAL_REASON, INTAKE1));
        }

        @Test
        void a_handler_who_does_not_handle_the_case_may_not_record_a_withdrawal() {
            fixture.given(aCaseInProgressWithFindings().events())
                    .when(withdraw(HANDLER2))
                    .expectNoEvents()
                    .expectException(refusedWith(ActionNotPermitted.class, RefusalCode.NOT_ASSIGNED_HANDLER));
        }

        @Test
        void a_supervisor_may_not_record_a_withdrawal() {
            fixture.given(aCaseInProgressWithFindings().events())
                    .when(withdraw(SUPERVISOR1))
                    .expectNoEvents()
                    .expectException(refusedWith(ActionNotPermitted.class, RefusalCode.ROLE_NOT_ALLOWED));
        }

        @Test
        void a_closed_case_cannot_be_withdrawn() {
            fixture.given(aClosedCase().events())
                    .when(withdraw(INTAKE1))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.COMPLAINT_CLOSED));
        }

        @Test
        void a_withdrawn_complaint_cannot_be_withdrawn_again() {
            fixture.given(aWithdrawnCase().events())
                    .when(withdraw(INTAKE1))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.COMPLAINT_WITHDRAWN));
        }

        @Test
        void an_inquiry_cannot_be_withdrawn() {
            fixture.given(aCaseThatIsNotAComplaint().events())
                    .when(withdraw(INTAKE1))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.COMPLAINT_NOT_A_COMPLAINT));
        }
    }
}
