package com.complaintcase.command.api;

import com.complaintcase.command.complaint.ActionNotPermitted;
import com.complaintcase.command.complaint.BusinessRuleViolation;
import com.complaintcase.command.complaint.ComplaintRefused;
import com.complaintcase.command.complaint.RefusalCode;
import com.complaintcase.command.complaint.StateConflict;
import com.complaintcase.platform.messaging.AxonMessagingConfiguration;
import com.complaintcase.platform.privacy.DataKey;
import com.complaintcase.platform.privacy.DataKeys;
import com.complaintcase.platform.privacy.PersonalDataCipher;
import com.complaintcase.platform.privacy.PersonalDataModule;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A refused command crossing a bus that serializes (Axon Server keeps an exception's message and its details, not its
 * type) is thrown to the sender as the refusal it was, so the API answers with the same problem as on the local bus.
 */
class RefusalsOverTheBusTest {

    private static final String CASE = "3f2b8c1e-6d4a-4b7e-9c1a-2e5f8d9b0a11";

    private final Serializer messageSerializer = AxonMessagingConfiguration.jackson(
            new PersonalDataModule(new PersonalDataCipher(new NoKeys())));

    static Stream<RuntimeException> refusals() {
        return Stream.of(
                new ActionNotPermitted(RefusalCode.NOT_ASSIGNED_HANDLER, "handler2 is not assigned to this case"),
                new StateConflict(RefusalCode.COMPLAINT_CLOSED, "complaint " + CASE + " is closed"),
                new BusinessRuleViolation(RefusalCode.FINDINGS_REQUIRED, "findings come before a resolution"),
                new ConflictingAggregateVersionException(CASE, 3, 5),
                new AggregateNotFoundException(CASE, "no complaint " + CASE));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void a_refusal_reaches_the_sender_as_the_refusal_it_was_after_its_details_crossed_the_wire(RuntimeException refusal) {
        CommandExecutionException handled = handledBy(refusal);

        RuntimeException received = RefusedCommands.rethrown(overTheWire(handled));

        assertThat(received).isExactlyInstanceOf(refusal.getClass()).hasMessage(refusal.getMessage());
        if (refusal instanceof ComplaintRefused refused) {
            assertThat(((ComplaintRefused) received).code()).isEqualTo(refused.code());
        }
        if (refusal instanceof ConflictingAggregateVersionException stale) {
            ConflictingAggregateVersionException rebuilt = (ConflictingAggregateVersionException) received;
            assertThat(rebuilt.getExpectedVersion()).isEqualTo(stale.getExpectedVersion());
            assertThat(rebuilt.getActualVersion()).isEqualTo(stale.getActualVersion());
            assertThat(rebuilt.getAggregateIdentifier()).isEqualTo(CASE);
        }
        if (refusal instanceof AggregateNotFoundException unknown) {
            assertThat(((AggregateNotFoundException) received).getAggregateIdentifier()).isEqualTo(unknown.getAggregateIdentifier());
        }
    }

    @Test
    void any_other_failure_of_the_handler_is_left_as_it_was_thrown() {
        IllegalStateException failure = new IllegalStateException("the database is gone");

        assertThat(catchThrowable(() -> gatewayOver(failure).sendAndWait("refuse"))).isSameAs(failure);
    }

    @Test
    void a_command_execution_failure_without_refusal_details_reaches_the_sender_unchanged() {
        CommandExecutionException remote = new CommandExecutionException("remote failure", null);

        assertThat(RefusedCommands.rethrown(remote)).isSameAs(remote);
    }

    private CommandExecutionException handledBy(RuntimeException refusal) {
        Throwable thrown = catchThrowable(() -> gatewayOver(refusal).sendAndWait("refuse"));
        assertThat(thrown).isInstanceOf(CommandExecutionException.class).hasCause(refusal);
        return (CommandExecutionException) thrown;
    }

    /** What Axon Server's connector hands the sender: the message and the details, serialized and read back. */
    private CommandExecutionException overTheWire(CommandExecutionException handled) {
        Optional<Object> details = handled.getDetails();
        SerializedObject<byte[]> sent = messageSerializer.serialize(details.orElseThrow(), byte[].class);
        return new CommandExecutionException(handled.getMessage(), null, messageSerializer.deserialize(sent));
    }

    private static CommandGateway gatewayOver(RuntimeException thrownByTheHandler) {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.registerHandlerInterceptor(new RefusalsOverTheBus());
        bus.subscribe(String.class.getName(), command -> {
            throw thrownByTheHandler;
        });
        return DefaultCommandGateway.builder().commandBus(bus).build();
    }

    private static final class NoKeys implements DataKeys {

        @Override
        public DataKey keyFor(String subject) {
            throw new UnsupportedOperationException("a refusal carries no personal data");
        }

        @Override
        public Optional<DataKey> byId(String keyId) {
            throw new UnsupportedOperationException("a refusal carries no personal data");
        }
    }
}
