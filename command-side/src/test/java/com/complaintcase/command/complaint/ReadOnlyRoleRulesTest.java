package com.complaintcase.command.complaint;

import com.complaintcase.values.Actor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static com.complaintcase.command.complaint.Actors.*;
import static com.complaintcase.command.complaint.CaseHistory.*;
import static com.complaintcase.command.complaint.ComplaintCommands.*;
import static com.complaintcase.command.complaint.RefusalMatcher.refusedWith;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Compliance officers, regulators and analysts only read cases: every command is refused to them, even on a
 * case where it would otherwise be accepted. The system itself only escalates.
 */
class ReadOnlyRoleRulesTest extends ComplaintRulesTest {

    /** A command, a case at a stage where it is accepted from {@code allowed}, and who that is. */
    private record Action(String name, Supplier<CaseHistory> stage, Function<Actor, Object> command, Actor allowed) {

        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<Action> CASE_ACTIONS = List.of(
            new Action("review", CaseHistory::aRegisteredCase, ComplaintCommands::reviewAsComplaint, SUPERVISOR1),
            new Action("assign a handler", CaseHistory::anAcceptedCase, by -> assign(by, HANDLER1), SUPERVISOR1),
            new Action("transfer", CaseHistory::anAcceptedCase, by -> transfer(by, CARD_CENTRE), SUPERVISOR1),
            new Action("record a contact", () -> aCaseAssignedTo(HANDLER1), ComplaintCommands::recordContact, HANDLER1),
            new Action("attach evidence", () -> aCaseAssignedTo(HANDLER1), ComplaintCommands::attachEvidence, HANDLER1),
            new Action("record findings", () -> aCaseAssignedTo(HANDLER1), ComplaintCommands::recordFindings, HANDLER1),
            new Action("propose a resolution", CaseHistory::aCaseInProgressWithFindings, ComplaintCommands::proposeResolution, HANDLER1),
            new Action("decide on compensation", CaseHistory::aCaseWithCompensationProposed, ComplaintCommands::approveCompensation, SUPERVISOR2),
            new Action("record the customer's response", CaseHistory::aCaseWithResolutionProposed, ComplaintCommands::customerAccepts, HANDLER1),
            new Action("record a payment", CaseHistory::aResolvedCaseWithCompensation, ComplaintCommands::recordPaymentInFull, HANDLER1),
            new Action("record feedback", CaseHistory::aResolvedCase, ComplaintCommands::recordFeedback, HANDLER1),
            new Action("close", CaseHistory::aResolvedCase, ComplaintCommands::close, HANDLER1),
            new Action("reopen", CaseHistory::aClosedCase, ComplaintCommands::reopen, INTAKE1),
            new Action("withdraw", CaseHistory::aCaseInProgressWithFindings, ComplaintCommands::withdraw, INTAKE1),
            new Action("escalate", CaseHistory::anAcceptedCase, ComplaintCommands::escalate, SUPERVISOR1),
            new Action("extend a deadline", CaseHistory::anAcceptedCase, by -> extendDeadline(by, 5), SUPERVISOR1));

    static Stream<Action> everyCaseCommand() {
        return CASE_ACTIONS.stream();
    }

    @ParameterizedTest(name = "{0} is accepted from the right person")
    @MethodSource("everyCaseCommand")
    void each_command_is_accepted_at_the_stage_used_here_from_the_role_allowed_to_give_it(Action action) {
        fixture.given(action.stage().get().events())
                .when(action.command().apply(action.allowed()))
                .expectSuccessfulHandlerExecution();
    }

    static Stream<Arguments> readersAndEveryCaseCommand() {
        return Stream.of(COMPLIANCE1, REGULATOR1, ANALYST1)
                .flatMap(reader -> CASE_ACTIONS.stream().map(action -> arguments(reader, action)));
    }

    @ParameterizedTest(name = "{0} may not {1}")
    @MethodSource("readersAndEveryCaseCommand")
    void compliance_officers_regulators_and_analysts_cannot_change_a_case(Actor reader, Action action) {
        fixture.given(action.stage().get().events())
                .when(action.command().apply(reader))
                .expectNoEvents()
                .expectException(refusedWith(ActionNotPermitted.class, RefusalCode.ROLE_NOT_ALLOWED));
    }

    static Stream<Action> everyCaseCommandButEscalation() {
        return CASE_ACTIONS.stream().filter(action -> !action.name().equals("escalate"));
    }

    @ParameterizedTest(name = "the system may not {0}")
    @MethodSource("everyCaseCommandButEscalation")
    void the_system_only_escalates(Action action) {
        fixture.given(action.stage().get().events())
                .when(action.command().apply(SYSTEM))
                .expectNoEvents()
                .expectException(refusedWith(ActionNotPermitted.class, RefusalCode.ROLE_NOT_ALLOWED));
    }
}
