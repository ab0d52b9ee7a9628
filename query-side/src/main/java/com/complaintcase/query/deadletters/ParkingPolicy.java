package com.complaintcase.query.deadletters;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;

import java.util.ArrayList;
import java.util.List;

/**
 * Parks every failure, as Axon's default policy does, with two differences. The cause kept is the exception's class
 * and where it was thrown, never its message: a message may quote an event's personal data, and the dead letter
 * would keep it in plain text after the customer's erasure. And the diagnostics count the failed attempts, so that
 * an administrator sees how often a parked event was retried.
 */
class ParkingPolicy implements EnqueuePolicy<EventMessage<?>> {

    static final String ATTEMPTS = "failedAttempts";
    private static final String APPLICATION_PACKAGE = "com.complaintcase.";
    private static final int MAX_CAUSES = 4;

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable failure) {
        return Decisions.enqueue(new ThrowableCause(failure.getClass().getName(), describe(failure)),
                parked -> parked.diagnostics().and(ATTEMPTS, attempts(parked.diagnostics()) + 1));
    }

    static long attempts(MetaData diagnostics) {
        return diagnostics.get(ATTEMPTS) instanceof Number attempts ? attempts.longValue() : 0;
    }

    /** The chain of exception classes, each with the first frame of this application it passed, if any. */
    static String describe(Throwable failure) {
        List<String> causes = new ArrayList<>();
        for (Throwable cause = failure; cause != null && causes.size() < MAX_CAUSES;
             cause = cause.getCause() == cause ? null : cause.getCause()) {
            causes.add(cause.getClass().getSimpleName() + where(cause));
        }
        return String.join(" caused by ", causes);
    }

    private static String where(Throwable failure) {
        for (StackTraceElement frame : failure.getStackTrace()) {
            if (frame.getClassName().startsWith(APPLICATION_PACKAGE)) {
                return " at " + frame.getClassName() + "." + frame.getMethodName() + ":" + frame.getLineNumber();
            }
        }
        return "";
    }
}
