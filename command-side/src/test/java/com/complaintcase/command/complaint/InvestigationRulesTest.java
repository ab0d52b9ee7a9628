package com.complaintcase.command.complaint;

import com.complaintcase.events.complaint.CustomerContacted;
import com.complaintcase.events.complaint.DeadlineMet;
import com.complaintcase.events.complaint.EvidenceAttached;
import com.complaintcase.events.complaint.FindingsRecorded;
import com.complaintcase.values.Actor;
import com.complaintcase.values.SlaClock;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.complaintcase.command.complaint.Actors.*;
import static com.complaintcase.command.complaint.CaseHistory.*;
import static com.complaintcase.command.complaint.ComplaintCommands.*;
import static com.complaintcase.command.complaint.Moments.NOW;
import static com.complaintcase.command.complaint.RefusalMatcher.refusedWith;
import static com.complaintcase.command.complaint.RegisterComplaintBuilder.CASE_ID;
import static com.complaintcase.command.complaint.RegisterComplaintBuilder.aComplaint;

/** Contacting the customer, collecting evidence and determining validity and responsibility. */
class InvestigationRulesTest extends ComplaintRulesTest {

    @Nested
    class CustomerContact {

        @Test
        void the_assigned_handlers_first_contact_with_the_customer_is_marked_as_the_first_contact_and_meets_its_clock() {
            CaseHistory history = aCaseAssignedTo(HANDLER1);
            Instant contactedAt = Moments.minutesAgo(20);

            fixture.given(history.events())
                    .when(recordContact(HANDLER1, contactedAt))
                    .expectEvents(new CustomerContacted(CASE_ID, contactedAt, CONTACT_METHOD, CONTACT_SUMMARY, true, HANDLER1),
                            firstContactMet(history, contactedAt, HANDLER1))
                    .expectResultMessagePayload(new CommandResult(CASE_ID, history.versionAfter(2)));
        }

        @Test
        void later_contacts_are_not_first_contacts_and_meet_no_clock() {
            fixture.given(aCaseInProgressWithoutFindings().events())
                    .when(recordContact(HANDLER1))
                    .expectEvents(new CustomerContacted(CASE_ID, NOW, CONTACT_METHOD, CONTACT_SUMMARY, false, HANDLER1));
        }

        @Test
        void intake_as_first_responder_may_record_a_contact_before_a_handler_is_assigned() {
            CaseHistory history = aRegisteredCase();

            fixture.given(history.events())
                    .when(recordContact(INTAKE1))
                    .expectEvents(new CustomerContacted(CASE_ID, NOW, CONTACT_METHOD, CONTACT_SUMMARY, true, INTAKE1),
                            firstContactMet(history, NOW, INTAKE1));
        }

        @Test
        void a_contact_reported_slightly_ahead_of_the_clock_within_the_tolerated_skew_is_accepted() {
            CaseHistory history = aCaseAssignedTo(HANDLER1);
            Instant contactedAt = Moments.minutesFromNow(4);

            fixture.given(history.events())
                    .when(recordContact(HANDLER1, contactedAt))
                    .expectEvents(new CustomerContacted(CASE_ID, contactedAt, CONTACT_METHOD, CONTACT_SUMMARY, true, HANDLER1),
                            firstContactMet(history, contactedAt, HANDLER1));
        }

        @Test
        void a_contact_in_the_future_is_refused() {
            fixture.given(aCaseAssignedTo(HANDLER1).events())
                    .when(recordContact(HANDLER1, Moments.minutesFromNow(10)))
                    .expectNoEvents()
                    .expectException(refusedWith(BusinessRuleViolation.class, RefusalCode.TIME_IN_FUTURE));
        }

        @Test
        void a_contact_before_the_complaint_was_received_is_refused() {
            CaseHistory history = aCaseRegisteredFrom(aComplaint().receivedHoursAgo(5).build())
                    .reviewedAsComplaint().assignedTo(HANDLER1);

            fixture.given(history.events())
                    .when(recordContact(HANDLER1, Moments.hoursAgo(6)))
                    .expectNoEvents()
                    .expectException(refusedWith(BusinessRuleViolation.class, RefusalCode.CONTACT_BEFORE_RECEIPT));
        }

        @Test
        void a_handler_who_does_not_handle_the_case_may_not_record_a_contact() {
            fixture.given(aCaseAssignedTo(HANDLER1).events())
                    .when(recordContact(HANDLER2))
                    .expectNoEvents()
                    .expectException(refusedWith(ActionNotPermitted.class, RefusalCode.NOT_ASSIGNED_HANDLER));
        }

        @Test
        void a_handler_may_not_record_a_contact_before_being_assigned() {
            fixture.given(anAcceptedCase().events())
                    .when(recordContact(HANDLER1))
                    .expectNoEvents()
                    .expectException(refusedWith(ActionNotPermitted.class, RefusalCode.NOT_ASSIGNED_HANDLER));
        }

        @Test
        void a_supervisor_may_not_record_a_contact() {
            fixture.given(aCaseAssignedTo(HANDLER1).events())
                    .when(recordContact(SUPERVISOR1))
                    .expectNoEvents()
                    .expectException(refusedWith(ActionNotPermitted.class, RefusalCode.ROLE_NOT_ALLOWED));
        }

        @Test
        void no_contact_is_recorded_on_a_withdrawn_complaint() {
            fixture.given(aWithdrawnCase().events())
                    .when(recordContact(HANDLER1))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.COMPLAINT_WITHDRAWN));
        }

        @Test
        void no_contact_is_recorded_on_a_closed_complaint() {
            fixture.given(aClosedCase().events())
                    .when(recordContact(HANDLER1))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.COMPLAINT_CLOSED));
        }

        private DeadlineMet firstContactMet(CaseHistory history, Instant contactedAt, Actor by) {
            return new DeadlineMet(CASE_ID, SlaClock.FIRST_CONTACT, FIRST_CONTACT_DEADLINE_ID, history.firstContactDueAt(),
                    contactedAt, by);
        }
    }

    @Nested
    class Evidence {

        @Test
        void the_assigned_handler_attaches_evidence() {
            CaseHistory history = aCaseAssignedTo(HANDLER1);

            fixture.given(history.events())
                    .when(attachEvidence(HANDLER1))
                    .expectEvents(new EvidenceAttached(CASE_ID, EVIDENCE_KIND, EVIDENCE_REFERENCE, EVIDENCE_DESCRIPTION, HANDLER1))
                    .expectResultMessagePayload(new CommandResult(CASE_ID, history.versionAfter(1)));
        }

        @Test
        void evidence_may_still_be_attached_while_the_customer_considers_a_resolution() {
            fixture.given(aCaseWithResolutionProposed().events())
                    .when(attachEvidence(HANDLER1))
                    .expectEvents(new EvidenceAttached(CASE_ID, EVIDENCE_KIND, EVIDENCE_REFERENCE, EVIDENCE_DESCRIPTION, HANDLER1));
        }

        @Test
        void evidence_needs_an_assigned_handler() {
            fixture.given(anAcceptedCase().events())
                    .when(attachEvidence(HANDLER1))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.INVALID_STATUS));
        }

        @Test
        void no_evidence_is_attached_to_a_resolved_case() {
            fixture.given(aResolvedCase().events())
                    .when(attachEvidence(HANDLER1))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.INVALID_STATUS));
        }

        @Test
        void a_handler_who_does_not_handle_the_case_may_not_attach_evidence() {
            fixture.given(aCaseAssignedTo(HANDLER1).events())
                    .when(attachEvidence(HANDLER2))
                    .expectNoEvents()
                    .expectException(refusedWith(ActionNotPermitted.class, RefusalCode.NOT_ASSIGNED_HANDLER));
        }

        @Test
        void a_supervisor_may_not_attach_evidence() {
            fixture.given(aCaseAssignedTo(HANDLER1).events())
                    .when(attachEvidence(SUPERVISOR1))
                    .expectNoEvents()
                    .expectException(refusedWith(ActionNotPermitted.class, RefusalCode.ROLE_NOT_ALLOWED));
        }
    }

    @Nested
    class Findings {

        @Test
        void the_assigned_handler_records_validity_and_responsibility() {
            CaseHistory history = aCaseInProgressWithoutFindings();

            fixture.given(history.events())
                    .when(recordFindings(HANDLER1))
                    .expectEvents(new FindingsRecorded(CASE_ID, VALIDITY, RESPONSIBILITY, ROOT_CAUSE, FINDINGS_SUMMARY, HANDLER1))
                    .expectResultMessagePayload(new CommandResult(CASE_ID, history.versionAfter(1)));
        }

        @Test
        void later_findings_may_supersede_earlier_ones() {
            fixture.given(aCaseInProgressWithFindings().events())
                    .when(recordFindings(HANDLER1))
                    .expectEvents(new FindingsRecorded(CASE_ID, VALIDITY, RESPONSIBILITY, ROOT_CAUSE, FINDINGS_SUMMARY, HANDLER1));
        }

        @Test
        void findings_cannot_change_while_the_customer_considers_a_resolution() {
            fixture.given(aCaseWithResolutionProposed().events())
                    .when(recordFindings(HANDLER1))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.INVALID_STATUS));
        }

        @Test
        void a_handler_who_does_not_handle_the_case_may_not_record_findings() {
            fixture.given(aCaseInProgressWithoutFindings().events())
                    .when(recordFindings(HANDLER2))
                    .expectNoEvents()
                    .expectException(refusedWith(ActionNotPermitted.class, RefusalCode.NOT_ASSIGNED_HANDLER));
        }

        @Test
        void intake_may_not_record_findings() {
            fixture.given(aCaseInProgressWithoutFindings().events())
                    .when(recordFindings(INTAKE1))
                    .expectNoEvents()
                    .expectException(refusedWith(ActionNotPermitted.class, RefusalCode.ROLE_NOT_ALLOWED));
        }

        @Test
        void no_findings_are_recorded_on_a_closed_case() {
            fixture.given(aClosedCase().events())
                    .when(recordFindings(HANDLER1))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.COMPLAINT_CLOSED));
        }

        @Test
        void no_findings_are_recorded_on_an_inquiry() {
            fixture.given(aCaseThatIsNotAComplaint().events())
                    .when(recordFindings(HANDLER1))
                    .expectNoEvents()
                    .expectException(refusedWith(StateConflict.class, RefusalCode.COMPLAINT_NOT_A_COMPLAINT));
        }
    }
}
