package com.complaintcase.command.complaint.handling;

import com.complaintcase.casemodel.CaseState;
import com.complaintcase.command.complaint.RefusalCode;
import com.complaintcase.command.complaint.StateConflict;
import com.complaintcase.events.complaint.ComplaintPutOnHold;
import com.complaintcase.events.complaint.ComplaintResumed;
import com.complaintcase.values.InvalidValueException;

import static com.complaintcase.command.complaint.CaseRules.*;
import static com.complaintcase.values.ComplaintStatus.*;
import static com.complaintcase.values.Role.*;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A hold: the handler (or a supervisor) records that handling waits, for the customer's documents or a third party,
 * and later that it goes on. A hold blocks no other step and pauses no clock: none of the shipped policy packs stops
 * its clocks for it (BANK_INTERNAL's are the bank's service to a customer who waits all the same; CN_NFRA's, UK_FCA's
 * and US_CFPB's limits are the regulators', counted from receipt whatever the bank waits for).
 */
public final class Hold {

    private Hold() {
    }

    public static void putOnHold(CaseState c, PutComplaintOnHold command) {
        requireRole(command.actor(), "put a complaint on hold", HANDLER, SUPERVISOR);
        requireStatus(c, "put on hold", ASSIGNED, IN_PROGRESS, RESOLUTION_PROPOSED);
        requireAssignedHandlerIfHandler(c, command.actor());
        if (command.reason() == null || command.reason().isBlank()) {
            throw new InvalidValueException("reason", "is required");
        }
        if (c.isOnHold()) {
            throw new StateConflict(RefusalCode.INVALID_STATUS, "complaint " + c.complaintId() + " is already on hold");
        }
        apply(new ComplaintPutOnHold(c.complaintId(), command.reason(), command.actor()));
    }

    public static void resume(CaseState c, ResumeComplaint command) {
        requireRole(command.actor(), "resume a complaint", HANDLER, SUPERVISOR);
        requireOpen(c);
        requireAssignedHandlerIfHandler(c, command.actor());
        if (!c.isOnHold()) {
            throw new StateConflict(RefusalCode.INVALID_STATUS, "complaint " + c.complaintId() + " is not on hold");
        }
        apply(new ComplaintResumed(c.complaintId(), command.note(), command.actor()));
    }
}
