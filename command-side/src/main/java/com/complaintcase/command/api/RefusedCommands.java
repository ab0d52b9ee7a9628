package com.complaintcase.command.api;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;

/** Where a command is sent: a refusal that came back as {@link RefusalDetails} is thrown as the refusal it was. */
final class RefusedCommands {

    private RefusedCommands() {
    }

    static <R> R sendAndWait(CommandGateway commands, Object command) {
        try {
            return commands.sendAndWait(command);
        } catch (CommandExecutionException failure) {
            throw rethrown(failure);
        }
    }

    static RuntimeException rethrown(CommandExecutionException failure) {
        return failure.getDetails()
                .filter(RefusalDetails.class::isInstance)
                .map(details -> ((RefusalDetails) details).toException())
                .orElse(failure);
    }
}
