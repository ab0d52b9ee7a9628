package com.complaintcase.command.api;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.RemoteHandlingException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.List;

/**
 * Where a command is sent: a refusal that came back as {@link RefusalDetails} is thrown as the refusal it was, and a
 * command that lost a race for its case's next event is sent again.
 * <p>
 * Sent again rather than answered with a conflict: the attempt that lost changed nothing (its transaction rolled
 * back), and on the state the winner left the command gets the answer it would have got a moment later: a resent
 * registration its 201, a different one under the same id its 409, a command with a stale If-Match its 412, one
 * without If-Match is applied after the winner's. Only when it keeps losing is it answered with a
 * {@link ConcurrencyException}.
 */
public final class RefusedCommands {

    /** A registration needs two (the second finds the case); more only when several instances write one case. */
    static final int ATTEMPTS = 3;

    /** What the event store throws when another command appended the case's next event (or created it) first. */
    private static final List<Class<? extends Throwable>> LOST_RACES =
            List.of(ConcurrencyException.class, AggregateStreamCreationException.class);

    private RefusedCommands() {
    }

    public static <R> R sendAndWait(CommandGateway commands, Object command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return commands.sendAndWait(command);
            } catch (CommandExecutionException failure) {
                RuntimeException refusal = rethrown(failure);
                if (refusal != failure || !lostTheRace(failure)) {
                    throw refusal;
                }
                giveUpAfter(attempt, failure);
            } catch (RuntimeException failure) {
                if (!lostTheRace(failure)) {
                    throw failure;
                }
                giveUpAfter(attempt, failure);
            }
        }
    }

    static RuntimeException rethrown(CommandExecutionException failure) {
        return failure.getDetails()
                .filter(RefusalDetails.class::isInstance)
                .map(details -> ((RefusalDetails) details).toException())
                .orElse(failure);
    }

    /**
     * Whether {@code failure} is a lost race for the event store, as thrown on the local bus, or as described by a
     * bus that carries a handler's exception as the names of its causes (Axon Server).
     */
    static boolean lostTheRace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            Throwable current = cause;
            if (LOST_RACES.stream().anyMatch(type -> type.isInstance(current))) {
                return true;
            }
            if (cause instanceof RemoteHandlingException remote
                    && remote.getExceptionDescriptions().stream().anyMatch(RefusedCommands::namesALostRace)) {
                return true;
            }
        }
        return false;
    }

    private static boolean namesALostRace(String description) {
        return LOST_RACES.stream().anyMatch(type -> description.startsWith(type.getName() + ":"));
    }

    private static void giveUpAfter(int attempt, RuntimeException failure) {
        if (attempt >= ATTEMPTS) {
            throw failure instanceof ConcurrencyException concurrency ? concurrency
                    : new ConcurrencyException("the command lost the race for its case " + ATTEMPTS + " times", failure);
        }
    }
}
