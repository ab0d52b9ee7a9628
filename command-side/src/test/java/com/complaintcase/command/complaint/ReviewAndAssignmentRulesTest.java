package com.complaintcase.command.complaint;

import com.complaintcase.events.complaint.ComplaintReviewed;
import com.complaintcase.events.complaint.ComplaintTransferred;
import com.complaintcase.events.complaint.DeadlineMet;
import com.complaintcase.events.complaint.DeadlineSet;
import com.complaintcase.values.Actor;
import com.complaintcase.values.SlaClock;
import java.util.List;
import com.complaintcase.events.complaint.HandlerAssigned;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.ReviewOutcome;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static com.complaintcase.command.complaint.Actors.*;
import static com.complaintcase.command.complaint.CaseHistory.*;
import static com.complaintcase.command.complaint.ComplaintCommands.*;
import static com.complaintcase.command.complaint.RefusalMatcher.refusedWith;
import static com.complaintcase.command.complaint.RegisterComplaintBuilder.CASE_ID;
import static com.complaintcase.command.complaint.RegisterComplaintBuilder.HOME_BRANCH;

/** Initial review (初步审核), assigning a handler (专员) and forwarding a case to another unit. */
class ReviewAndAssignmentRulesTest extends ComplaintRulesTest {

    @Nested
    class Review {

        @Test
        void a_supervisor_accepts_a_registered_complaint_for_handling_at_branch_level() {
            CaseHistory history = aRegisteredCase();

            fixture.given(history.events())
                    .when(reviewAsComplaint(SUPERVISOR1))
                    .expectEvents(new ComplaintReviewed(CASE_ID, ReviewOutcome.ACCEPTED, BUSINESS_LINE,
                            HandlingLevel.BRANCH, REVIEW_NOTE, SUPERVISOR1, new DeadlineSet(SlaClock.BRANCH_REPLY,
                            branchReplyDueAt(Moments.NOW), scheduled.idOf(SlaClock.BRANCH_REPLY))))
                    .expectResultMessagePayload(new CommandResult(CASE_ID, history.versionAfter(1)));
        }

        @Test
        void a_supervisor_may_route_a_complaint_to_a_higher_handling_level() {
            fixture.given(aRegisteredCase().events())
                    .when(reviewAsComplaint(SUPERVISOR1, HandlingLevel.HEAD_OFFICE))
                    .expectEvents(new ComplaintReviewed(CASE_ID, ReviewOutcome.ACCEPTED, BUSINESS_LINE,
                            HandlingLevel.HEAD_OFFICE, REVIEW_NOTE, SUPERVISOR1, null));
        }

        @Test
        void a_review_finding_an_inquiry_keeps_the_current_level() {
            fixture.given(aRegisteredCase().events())
                    .when(reviewAsNotAComplaint(SUPERVISOR1))
                    .expectEvents(new ComplaintReviewed(CASE_ID, ReviewOutcome.NOT_A_COMPLAINT, BUSINESS_LINE,
                            HandlingLevel.BRANCH, REVIEW_NOTE, SUPERVISOR1, null));
        }

        @Test
        void a_case_escalated_before_review_cannot_be_handled_below_its_level() {
            fixture.given(aRegisteredCase().escalatedTo(HandlingLevel.FIRST_LEVEL_BRANCH).events())
                    .when(reviewAsComplaint(SUPERVISOR1, HandlingLevel.BRANCH))
                    .expectNoEvents()
                    .expectException(refusedWith(BusinessRuleViolation.class, RefusalCode.HANDLING_LEVEL_BELOW_CURRENT));
        }

        @Test
        void a_case_escalated_before_review_may_be_handled_at_its_own_level() {
            fixture.given(aRegisteredCase().escalatedTo(HandlingLevel.FIRST_LEVEL_BRANCH).events())
                    .when(reviewAsComplaint(SUPERVISOR1, HandlingLevel.FIRST_LEVEL_BRANCH))
                    .expectEvents(new ComplaintReviewed(CASE_ID, ReviewOutcome.ACCEPTED, BUSINESS_LINE,
                            HandlingLevel.FIRST_LEVEL_BRANCH, REVIEW_NOTE, SUPERVISOR1, null));
        }

        @Test
        void intake_may_not_review_a_complaint() {
            fixture.given(aRegisteredCase().events())
                    .when(reviewAsComplaint(INTAKE1))
                    .expectNoEvents()
                    .expectException(refusedWith(ActionNotPermitted.class, RefusalCode.ROLE_NOT_ALLOWED));
        }

        @Test
        void a_handler_may_not_review_a_complaint() {
            fixture.given(aRegisteredCase().events())
                    .when(reviewAsComplaint(HANDLER1))
                    .expectNoEvents()
                    .expectException(refusedWith(ActionNotPermitted.class, RefusalCode.ROLE_NOT_ALLOWED));
        }

        @Test
        void a_case_is_reviewed_only_once() {
            fixture.given(anAcceptedCase().events())
                    .when(reviewAsComplaint(SUPERVISOR2))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.INVALID_STATUS));
        }

        @Test
        void an_inquiry_cannot_be_reviewed_again() {
            fixture.given(aCaseThatIsNotAComplaint().events())
                    .when(reviewAsComplaint(SUPERVISOR1))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.COMPLAINT_NOT_A_COMPLAINT));
        }

        @Test
        void a_withdrawn_complaint_cannot_be_reviewed() {
            fixture.given(aRegisteredCase().withdrawn().events())
                    .when(reviewAsComplaint(SUPERVISOR1))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.COMPLAINT_WITHDRAWN));
        }
    }

    @Nested
    class Assignment {

        @Test
        void a_supervisor_assigns_a_handler_to_an_accepted_complaint() {
            CaseHistory history = anAcceptedCase();

            fixture.given(history.events())
                    .when(assign(SUPERVISOR1, HANDLER1))
                    .expectEvents(new HandlerAssigned(CASE_ID, "handler1", null, SUPERVISOR1))
                    .expectResultMessagePayload(new CommandResult(CASE_ID, history.versionAfter(1)));
        }

        @Test
        void a_supervisor_may_reassign_a_case_in_progress_to_another_handler() {
            fixture.given(aCaseInProgressWithFindings().events())
                    .when(assign(SUPERVISOR2, HANDLER2))
                    .expectEvents(new HandlerAssigned(CASE_ID, "handler2", "handler1", SUPERVISOR2));
        }

        @Test
        void assigning_the_handler_who_already_handles_the_case_is_refused() {
            fixture.given(aCaseAssignedTo(HANDLER1).events())
                    .when(assign(SUPERVISOR1, HANDLER1))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.HANDLER_ALREADY_ASSIGNED));
        }

        @Test
        void a_handler_is_assigned_only_after_the_initial_review() {
            fixture.given(aRegisteredCase().events())
                    .when(assign(SUPERVISOR1, HANDLER1))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.INVALID_STATUS));
        }

        @Test
        void a_case_awaiting_the_customers_answer_cannot_be_reassigned() {
            fixture.given(aCaseWithResolutionProposed().events())
                    .when(assign(SUPERVISOR1, HANDLER2))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.INVALID_STATUS));
        }

        @Test
        void a_closed_case_cannot_be_assigned() {
            fixture.given(aClosedCase().events())
                    .when(assign(SUPERVISOR1, HANDLER2))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.COMPLAINT_CLOSED));
        }

        @Test
        void an_inquiry_cannot_be_assigned() {
            fixture.given(aCaseThatIsNotAComplaint().events())
                    .when(assign(SUPERVISOR1, HANDLER1))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.COMPLAINT_NOT_A_COMPLAINT));
        }

        @Test
        void a_handler_may_not_assign_a_case_even_to_themself() {
            fixture.given(anAcceptedCase().events())
                    .when(assign(HANDLER1, HANDLER1))
                    .expectNoEvents()
                    .expectException(refusedWith(ActionNotPermitted.class, RefusalCode.ROLE_NOT_ALLOWED));
        }

        @Test
        void intake_may_not_assign_a_handler() {
            fixture.given(anAcceptedCase().events())
                    .when(assign(INTAKE1, HANDLER1))
                    .expectNoEvents()
                    .expectException(refusedWith(ActionNotPermitted.class, RefusalCode.ROLE_NOT_ALLOWED));
        }
    }

    /** A transfer from the home branch to the card centre now: the start-work clock starts, the forward clock is met. */
    private List<Object> transferredNow(String previousHandlerId, Actor by) {
        return List.of(new ComplaintTransferred(CASE_ID, HOME_BRANCH, CARD_CENTRE, TRANSFER_REASON, previousHandlerId, by,
                        Moments.NOW, new DeadlineSet(SlaClock.START_WORK, Moments.minutesFromNow(120),
                        scheduled.idOf(SlaClock.START_WORK))),
                new DeadlineMet(CASE_ID, SlaClock.FORWARD, null, Moments.minutesFromNow(60), Moments.NOW, by));
    }

    @Nested
    class Transfer {

        @Test
        void a_supervisor_forwards_an_accepted_case_to_another_unit() {
            CaseHistory history = anAcceptedCase();

            fixture.given(history.events())
                    .when(transfer(SUPERVISOR1, CARD_CENTRE))
                    .expectEvents(transferredNow(null, SUPERVISOR1).toArray())
                    .expectResultMessagePayload(new CommandResult(CASE_ID, history.versionAfter(2)));
        }

        @Test
        void a_unit_may_forward_a_complaint_it_cannot_handle_before_reviewing_it() {
            fixture.given(aRegisteredCase().events())
                    .when(transfer(SUPERVISOR1, CARD_CENTRE))
                    .expectEvents(transferredNow(null, SUPERVISOR1).toArray());
        }

        @Test
        void the_assigned_handler_may_forward_the_case_and_hands_it_over() {
            fixture.given(aCaseInProgressWithFindings().events())
                    .when(transfer(HANDLER1, CARD_CENTRE))
                    .expectEvents(transferredNow("handler1", HANDLER1).toArray());
        }

        @Test
        void after_a_transfer_the_former_handler_no_longer_handles_the_case() {
            fixture.given(aCaseInProgressWithFindings().transferredTo(CARD_CENTRE).events())
                    .when(recordContact(HANDLER1))
                    .expectNoEvents()
                    .expectException(refusedWith(ActionNotPermitted.class, RefusalCode.NOT_ASSIGNED_HANDLER));
        }

        @Test
        void after_a_transfer_the_receiving_unit_assigns_a_new_handler() {
            fixture.given(aCaseInProgressWithFindings().transferredTo(CARD_CENTRE).events())
                    .when(assign(SUPERVISOR2, HANDLER2))
                    .expectEvents(new HandlerAssigned(CASE_ID, "handler2", null, SUPERVISOR2),
                            new DeadlineMet(CASE_ID, SlaClock.START_WORK, "sla-start-work-1", Moments.minutesFromNow(120),
                                    Moments.NOW, SUPERVISOR2));
        }

        @Test
        void a_case_cannot_be_forwarded_to_the_unit_that_already_has_it() {
            fixture.given(anAcceptedCase().events())
                    .when(transfer(SUPERVISOR1, HOME_BRANCH))
                    .expectNoEvents()
                    .expectException(refusedWith(BusinessRuleViolation.class, RefusalCode.SAME_UNIT));
        }

        @Test
        void a_handler_who_does_not_handle_the_case_may_not_forward_it() {
            fixture.given(aCaseAssignedTo(HANDLER1).events())
                    .when(transfer(HANDLER2, CARD_CENTRE))
                    .expectNoEvents()
                    .expectException(refusedWith(ActionNotPermitted.class, RefusalCode.NOT_ASSIGNED_HANDLER));
        }

        @Test
        void intake_may_not_forward_a_case() {
            fixture.given(anAcceptedCase().events())
                    .when(transfer(INTAKE1, CARD_CENTRE))
                    .expectNoEvents()
                    .expectException(refusedWith(ActionNotPermitted.class, RefusalCode.ROLE_NOT_ALLOWED));
        }

        @Test
        void a_case_awaiting_the_customers_answer_cannot_be_forwarded() {
            fixture.given(aCaseWithResolutionProposed().events())
                    .when(transfer(SUPERVISOR1, CARD_CENTRE))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.INVALID_STATUS));
        }

        @Test
        void a_closed_case_cannot_be_forwarded() {
            fixture.given(aClosedCase().events())
                    .when(transfer(SUPERVISOR1, CARD_CENTRE))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.COMPLAINT_CLOSED));
        }
    }
}
