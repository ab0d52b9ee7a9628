package com.complaintcase.command.api;

import com.complaintcase.command.complaint.ActionNotPermitted;
import com.complaintcase.command.complaint.BusinessRuleViolation;
import com.complaintcase.command.complaint.ComplaintRefused;
import com.complaintcase.command.complaint.RefusalCode;
import com.complaintcase.command.complaint.StateConflict;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;

import java.util.Optional;

/**
 * A refused command as data, so that the refusal survives a command bus that is a network: Axon Server carries a
 * handler's exception as a message and a {@code CommandExecutionException}, not as its type, but it carries the
 * exception's details. {@link RefusalsOverTheBus} attaches them where the command is handled;
 * {@link RefusedCommands} rethrows the refusal they describe where it was sent, for {@code CommandProblemHandler}.
 */
public record RefusalDetails(Kind kind, RefusalCode code, String detail, String aggregateId,
                             Long expectedVersion, Long actualVersion) {

    public enum Kind { NOT_PERMITTED, STATE_CONFLICT, BUSINESS_RULE, UNKNOWN_AGGREGATE, STALE_VERSION }

    /** The details of {@code failure}, if it is a refusal the API answers with a problem of its own. */
    static Optional<RefusalDetails> of(Throwable failure) {
        if (failure instanceof ComplaintRefused refused) {
            return Optional.of(new RefusalDetails(kindOf(refused), refused.code(), refused.getMessage(), null, null, null));
        }
        if (failure instanceof ConflictingAggregateVersionException stale) {
            return Optional.of(new RefusalDetails(Kind.STALE_VERSION, null, stale.getMessage(),
                    String.valueOf(stale.getAggregateIdentifier()), stale.getExpectedVersion(), stale.getActualVersion()));
        }
        if (failure instanceof AggregateNotFoundException unknown) {
            return Optional.of(new RefusalDetails(Kind.UNKNOWN_AGGREGATE, null, unknown.getMessage(),
                    String.valueOf(unknown.getAggregateIdentifier()), null, null));
        }
        return Optional.empty();
    }

    private static Kind kindOf(ComplaintRefused refused) {
        if (refused instanceof ActionNotPermitted) {
            return Kind.NOT_PERMITTED;
        }
        return refused instanceof StateConflict ? Kind.STATE_CONFLICT : Kind.BUSINESS_RULE;
    }

    /** The exception the handler threw, as far as the API's problem details need it. */
    RuntimeException toException() {
        return switch (kind) {
            case NOT_PERMITTED -> new ActionNotPermitted(code, detail);
            case STATE_CONFLICT -> new StateConflict(code, detail);
            case BUSINESS_RULE -> new BusinessRuleViolation(code, detail);
            case UNKNOWN_AGGREGATE -> new AggregateNotFoundException(aggregateId, detail);
            case STALE_VERSION -> new ConflictingAggregateVersionException(aggregateId, expectedVersion, actualVersion);
        };
    }
}
