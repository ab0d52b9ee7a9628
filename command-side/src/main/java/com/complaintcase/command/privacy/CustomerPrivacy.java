package com.complaintcase.command.privacy;

import com.complaintcase.command.complaint.ActionNotPermitted;
import com.complaintcase.command.complaint.BusinessRuleViolation;
import com.complaintcase.command.complaint.RefusalCode;
import com.complaintcase.command.complaint.StateConflict;
import com.complaintcase.events.privacy.LegalHoldPlaced;
import com.complaintcase.events.privacy.LegalHoldReleased;
import com.complaintcase.events.privacy.PersonalDataErased;
import com.complaintcase.values.Actor;
import com.complaintcase.values.CustomerId;
import com.complaintcase.values.Role;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * How a customer's personal data is kept (domain brief, section 9): legal holds, and the erasure that destroys
 * the keys their data is encrypted under. Only compliance officers act on it. Erasure waits until every case of the
 * customer is finished and its jurisdiction's retention period has passed, and never happens under a legal hold.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class CustomerPrivacy {

    @AggregateIdentifier
    private CustomerId customerId;
    private boolean legalHold;
    private boolean erased;

    protected CustomerPrivacy() {
        // for the framework: rebuilt from its events
    }

    /** A customer nothing was recorded about yet. */
    public CustomerPrivacy(CustomerId customerId) {
        this.customerId = customerId;
    }

    public void erase(EraseCustomerData command, List<CaseRetention> cases, RetentionPolicy retention, Instant now) {
        requireCompliance(command.actor(), "erase a customer's personal data");
        requireNotErased();
        requireNoLegalHold();
        requireSomeCases(cases);
        for (CaseRetention retained : cases) {
            requireFinished(retained);
            requireRetentionPassed(retained, retention, now);
        }
        apply(new PersonalDataErased(customerId, command.reason(), cases.stream().map(CaseRetention::complaintId).toList(),
                now, command.actor()));
    }

    public void placeLegalHold(PlaceLegalHold command, Instant now) {
        requireCompliance(command.actor(), "place a legal hold");
        requireNotErased();
        if (legalHold) {
            throw new StateConflict(RefusalCode.LEGAL_HOLD_ALREADY_PLACED,
                    "customer " + customerId + " is already under a legal hold");
        }
        apply(new LegalHoldPlaced(customerId, command.reason(), now, command.actor()));
    }

    public void releaseLegalHold(ReleaseLegalHold command, Instant now) {
        requireCompliance(command.actor(), "release a legal hold");
        if (!legalHold) {
            throw new StateConflict(RefusalCode.NO_LEGAL_HOLD, "customer " + customerId + " is not under a legal hold");
        }
        apply(new LegalHoldReleased(customerId, command.reason(), now, command.actor()));
    }

    private static void requireCompliance(Actor actor, String action) {
        if (!actor.is(Role.COMPLIANCE)) {
            throw new ActionNotPermitted(RefusalCode.ROLE_NOT_ALLOWED,
                    "role " + actor.role() + " may not " + action + "; only COMPLIANCE may");
        }
    }

    private void requireNotErased() {
        if (erased) {
            throw new StateConflict(RefusalCode.ALREADY_ERASED, "the personal data of customer " + customerId
                    + " was erased already");
        }
    }

    private void requireNoLegalHold() {
        if (legalHold) {
            throw new StateConflict(RefusalCode.LEGAL_HOLD, "customer " + customerId
                    + " is under a legal hold: nothing of their data may be erased until it is released");
        }
    }

    private void requireSomeCases(List<CaseRetention> cases) {
        if (cases.isEmpty()) {
            throw new BusinessRuleViolation(RefusalCode.NO_CASES_OF_CUSTOMER, "no case of customer " + customerId
                    + " is known: there is no personal data to erase");
        }
    }

    private static void requireFinished(CaseRetention retained) {
        if (!retained.isFinished()) {
            throw new StateConflict(RefusalCode.CASE_NOT_FINISHED, "case " + retained.complaintId()
                    + " is neither closed nor withdrawn: its customer's data is still needed to handle it");
        }
    }

    private static void requireRetentionPassed(CaseRetention retained, RetentionPolicy retention, Instant now) {
        Instant until = retention.retainedUntil(retained);
        if (now.isBefore(until)) {
            throw new BusinessRuleViolation(RefusalCode.RETENTION_PERIOD_RUNNING, "case " + retained.complaintId()
                    + " must be kept until " + until + " (retention period of " + retained.jurisdiction() + ")");
        }
    }

    @EventSourcingHandler
    void on(LegalHoldPlaced event) {
        customerId = event.customerId();
        legalHold = true;
    }

    @EventSourcingHandler
    void on(LegalHoldReleased event) {
        legalHold = false;
    }

    @EventSourcingHandler
    void on(PersonalDataErased event) {
        customerId = event.customerId();
        erased = true;
    }
}
