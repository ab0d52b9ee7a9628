package com.complaintcase.command.api;

import com.complaintcase.command.complaint.RefusalCode;
import com.complaintcase.command.complaint.StateConflict;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.messaging.RemoteExceptionDescription;
import org.axonframework.messaging.RemoteHandlingException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A command whose events lost the race for the case (another command appended first: the store's duplicate key,
 * raised as the unit of work commits) is sent again, and answered as it is answered on the state the winner left.
 */
class LostRacesTest {

    private static final String CASE = "3f2b8c1e-6d4a-4b7e-9c1a-2e5f8d9b0a11";

    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void a_registration_that_lost_the_race_to_create_its_case_is_answered_as_the_resend_is() {
        CommandGateway gateway = gatewayWhereTheFirstAttemptsLose(1, streamCreation(), () -> "version 0");

        Object answer = RefusedCommands.sendAndWait(gateway, "register");

        assertThat(answer).isEqualTo("version 0");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void a_command_that_lost_the_race_is_refused_as_the_fresh_state_refuses_it() {
        CommandGateway gateway = gatewayWhereTheFirstAttemptsLose(1, new ConcurrencyException("sequence 4 is taken"), () -> {
            throw new ConflictingAggregateVersionException(CASE, 3, 4);
        });

        Throwable thrown = catchThrowable(() -> RefusedCommands.sendAndWait(gateway, "attach evidence"));

        assertThat(thrown).isInstanceOf(ConflictingAggregateVersionException.class);
        assertThat(((ConflictingAggregateVersionException) thrown).getActualVersion()).isEqualTo(4);
    }

    @Test
    void a_different_registration_under_an_id_another_just_took_is_refused_as_a_duplicate() {
        CommandGateway gateway = gatewayWhereTheFirstAttemptsLose(1, streamCreation(), () -> {
            throw new StateConflict(RefusalCode.DUPLICATE_COMPLAINT_ID, "already registered with different content");
        });

        Throwable thrown = catchThrowable(() -> RefusedCommands.sendAndWait(gateway, "register"));

        assertThat(thrown).isInstanceOfSatisfying(StateConflict.class,
                refusal -> assertThat(refusal.code()).isEqualTo(RefusalCode.DUPLICATE_COMPLAINT_ID));
    }

    @Test
    void a_lost_race_described_by_a_bus_that_carries_only_the_names_of_the_causes_is_sent_again() {
        CommandExecutionException overAxonServer = new CommandExecutionException("the handler failed",
                new RemoteHandlingException(RemoteExceptionDescription.describing(streamCreation())));
        CommandGateway gateway = gatewayWhereTheFirstAttemptsLose(1, overAxonServer, () -> "version 0");

        assertThat((Object) RefusedCommands.sendAndWait(gateway, "register")).isEqualTo("version 0");
    }

    @Test
    void a_command_that_keeps_losing_is_answered_with_a_concurrency_conflict_after_a_bounded_number_of_attempts() {
        CommandGateway gateway = gatewayWhereTheFirstAttemptsLose(Integer.MAX_VALUE, streamCreation(), () -> "never");

        Throwable thrown = catchThrowable(() -> RefusedCommands.sendAndWait(gateway, "register"));

        assertThat(thrown).isInstanceOf(ConcurrencyException.class);
        assertThat(attempts).hasValue(RefusedCommands.ATTEMPTS);
    }

    @Test
    void any_other_failure_is_not_sent_again() {
        IllegalStateException failure = new IllegalStateException("the database is gone");
        CommandGateway gateway = gatewayWhereTheFirstAttemptsLose(1, failure, () -> "never");

        assertThat(catchThrowable(() -> RefusedCommands.sendAndWait(gateway, "register"))).isSameAs(failure);
        assertThat(attempts).hasValue(1);
    }

    private static AggregateStreamCreationException streamCreation() {
        return new AggregateStreamCreationException("Cannot reuse aggregate identifier [" + CASE + "]");
    }

    /** The first {@code losing} attempts fail as their unit of work commits, outside the handler, as the store's do. */
    private CommandGateway gatewayWhereTheFirstAttemptsLose(int losing, RuntimeException atCommit, Callable<Object> then) {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.registerHandlerInterceptor(new RefusalsOverTheBus());
        bus.subscribe(String.class.getName(), command -> {
            if (attempts.incrementAndGet() <= losing) {
                CurrentUnitOfWork.get().onPrepareCommit(unitOfWork -> {
                    throw atCommit;
                });
                return "lost";
            }
            return then.call();
        });
        return DefaultCommandGateway.builder().commandBus(bus).build();
    }
}
