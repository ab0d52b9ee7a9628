package com.complaintcase.command.complaint;

import com.complaintcase.command.complaint.closure.CloseComplaint;
import com.complaintcase.command.complaint.handling.AssignHandler;
import com.complaintcase.events.complaint.ComplaintClosed;
import com.complaintcase.events.complaint.HandlerAssigned;
import com.complaintcase.values.ComplaintId;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.api.Test;

import static com.complaintcase.command.complaint.Actors.*;
import static com.complaintcase.command.complaint.CaseHistory.*;
import static com.complaintcase.command.complaint.ComplaintCommands.CLOSING_NOTE;
import static com.complaintcase.command.complaint.RegisterComplaintBuilder.CASE_ID;

/** The client's expected version ({@code If-Match}) and the version every accepted command answers. */
class VersionRulesTest extends ComplaintRulesTest {

    @Test
    void a_command_expecting_the_current_version_is_accepted_and_answers_the_next_version() {
        CaseHistory history = anAcceptedCase();

        fixture.given(history.events())
                .when(new AssignHandler(CASE_ID, history.version(), SUPERVISOR1, "handler1"))
                .expectEvents(new HandlerAssigned(CASE_ID, "handler1", null, SUPERVISOR1))
                .expectResultMessagePayload(new CommandResult(CASE_ID, history.version() + 1));
    }

    @Test
    void a_command_expecting_a_version_the_case_has_moved_beyond_is_refused() {
        CaseHistory history = anAcceptedCase();

        fixture.given(history.events())
                .when(new AssignHandler(CASE_ID, history.version() - 1, SUPERVISOR1, "handler1"))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void a_command_expecting_a_version_the_case_has_not_reached_is_refused() {
        CaseHistory history = anAcceptedCase();

        fixture.given(history.events())
                .when(new AssignHandler(CASE_ID, history.version() + 1, SUPERVISOR1, "handler1"))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void a_stale_close_is_refused_even_though_the_case_may_be_closed() {
        CaseHistory history = aResolvedCase().feedbackRecorded();

        fixture.given(history.events())
                .when(new CloseComplaint(CASE_ID, history.version() - 1, HANDLER1, CLOSING_NOTE))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void a_command_without_an_expected_version_applies_to_the_current_case() {
        CaseHistory history = aResolvedCase().feedbackRecorded();

        fixture.given(history.events())
                .when(new CloseComplaint(CASE_ID, null, HANDLER1, CLOSING_NOTE))
                .expectEvents(new ComplaintClosed(CASE_ID, CLOSING_NOTE, HANDLER1))
                .expectResultMessagePayload(new CommandResult(CASE_ID, history.version() + 1));
    }

    @Test
    void a_command_for_an_unknown_case_is_refused_as_not_found() {
        fixture.givenNoPriorActivity()
                .when(new CloseComplaint(ComplaintId.of("00000000-0000-4000-8000-000000000000"), null, HANDLER1, CLOSING_NOTE))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }
}
