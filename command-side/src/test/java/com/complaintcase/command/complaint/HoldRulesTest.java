package com.complaintcase.command.complaint;

import com.complaintcase.command.complaint.handling.PutComplaintOnHold;
import com.complaintcase.command.complaint.handling.ResumeComplaint;
import com.complaintcase.events.complaint.ComplaintEscalated;
import com.complaintcase.events.complaint.ComplaintPutOnHold;
import com.complaintcase.events.complaint.ComplaintResumed;
import com.complaintcase.events.complaint.DeadlineBreached;
import com.complaintcase.values.Actor;
import com.complaintcase.values.EscalationReason;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.InvalidValueException;
import com.complaintcase.values.SlaClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static com.complaintcase.command.complaint.Actors.*;
import static com.complaintcase.command.complaint.CaseHistory.*;
import static com.complaintcase.command.complaint.ComplaintCommands.*;
import static com.complaintcase.command.complaint.Moments.NOW;
import static com.complaintcase.command.complaint.RefusalMatcher.refusedWith;
import static com.complaintcase.command.complaint.RegisterComplaintBuilder.CASE_ID;
import static com.complaintcase.command.complaint.RegisterComplaintBuilder.aComplaint;

/** A hold: handling waits, and goes on; no clock stops for it. */
class HoldRulesTest extends ComplaintRulesTest {

    private static final String HOLD_REASON = "Waiting for the card ledger from the card centre";
    private static final String RESUME_NOTE = "The ledger arrived";

    private static PutComplaintOnHold putOnHold(Actor by) {
        return new PutComplaintOnHold(CASE_ID, null, by, HOLD_REASON);
    }

    private static ResumeComplaint resume(Actor by) {
        return new ResumeComplaint(CASE_ID, null, by, RESUME_NOTE);
    }

    private static ComplaintPutOnHold onHold() {
        return new ComplaintPutOnHold(CASE_ID, HOLD_REASON, HANDLER1);
    }

    @Test
    void the_assigned_handler_puts_a_case_in_progress_on_hold_with_a_reason() {
        CaseHistory history = aCaseInProgressWithFindings();

        fixture.given(history.events())
                .when(putOnHold(HANDLER1))
                .expectEvents(new ComplaintPutOnHold(CASE_ID, HOLD_REASON, HANDLER1))
                .expectResultMessagePayload(new CommandResult(CASE_ID, history.versionAfter(1)));
    }

    @Test
    void a_hold_needs_a_reason() {
        fixture.given(aCaseInProgressWithFindings().events())
                .when(new PutComplaintOnHold(CASE_ID, null, HANDLER1, " "))
                .expectNoEvents()
                .expectException(InvalidValueException.class);
    }

    @Test
    void a_supervisor_resumes_a_case_on_hold() {
        fixture.given(aCaseInProgressWithFindings().events()).andGiven(onHold())
                .when(resume(SUPERVISOR1))
                .expectEvents(new ComplaintResumed(CASE_ID, RESUME_NOTE, SUPERVISOR1));
    }

    @Test
    void intake_may_not_put_a_case_on_hold() {
        fixture.given(aCaseInProgressWithFindings().events())
                .when(putOnHold(INTAKE1))
                .expectNoEvents()
                .expectException(refusedWith(ActionNotPermitted.class, RefusalCode.ROLE_NOT_ALLOWED));
    }

    @Test
    void a_handler_who_does_not_handle_the_case_may_not_put_it_on_hold() {
        fixture.given(aCaseInProgressWithFindings().events())
                .when(putOnHold(HANDLER2))
                .expectNoEvents()
                .expectException(refusedWith(ActionNotPermitted.class, RefusalCode.NOT_ASSIGNED_HANDLER));
    }

    @Test
    void a_case_without_a_handler_is_not_put_on_hold() {
        fixture.given(anAcceptedCase().events())
                .when(putOnHold(SUPERVISOR1))
                .expectNoEvents()
                .expectException(refusedWith(StateConflict.class, RefusalCode.INVALID_STATUS));
    }

    @Test
    void a_case_on_hold_is_not_put_on_hold_again() {
        fixture.given(aCaseInProgressWithFindings().events()).andGiven(onHold())
                .when(putOnHold(HANDLER1))
                .expectNoEvents()
                .expectException(refusedWith(StateConflict.class, RefusalCode.INVALID_STATUS));
    }

    @Test
    void a_case_not_on_hold_is_not_resumed() {
        fixture.given(aCaseInProgressWithFindings().events())
                .when(resume(HANDLER1))
                .expectNoEvents()
                .expectException(refusedWith(StateConflict.class, RefusalCode.INVALID_STATUS));
    }

    @Test
    void a_closed_case_is_not_resumed() {
        fixture.given(aClosedCase().events())
                .when(resume(SUPERVISOR1))
                .expectNoEvents()
                .expectException(refusedWith(StateConflict.class, RefusalCode.COMPLAINT_CLOSED));
    }

    @Test
    void a_hold_pauses_no_clock_the_first_contact_limit_passes_all_the_same() {
        Instant firstContactDue = NOW.plus(Duration.ofHours(48));
        fixture.givenCommands(aComplaint().build(), reviewAsComplaint(SUPERVISOR1), assign(SUPERVISOR1, HANDLER1),
                        putOnHold(HANDLER1))
                .whenTimeElapses(Duration.ofHours(49))
                .expectEvents(
                        new DeadlineBreached(CASE_ID, SlaClock.FIRST_CONTACT, scheduled.idOf(SlaClock.FIRST_CONTACT),
                                firstContactDue, firstContactDue, Actor.SYSTEM),
                        new ComplaintEscalated(CASE_ID, HandlingLevel.BRANCH, HandlingLevel.FIRST_LEVEL_BRANCH,
                                EscalationReason.SLA_BREACH, slaBreachNote(SlaClock.FIRST_CONTACT, firstContactDue),
                                Actor.SYSTEM));
    }
}
