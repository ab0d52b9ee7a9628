package com.complaintcase.command.complaint.closure;

import com.complaintcase.casemodel.CaseState;
import com.complaintcase.command.complaint.sla.SlaClocks;
import com.complaintcase.events.complaint.ComplaintClosed;
import com.complaintcase.events.complaint.ComplaintReopened;
import com.complaintcase.events.complaint.ComplaintWithdrawn;

import java.util.List;

import static com.complaintcase.command.complaint.CaseRules.*;
import static com.complaintcase.values.ComplaintStatus.*;
import static com.complaintcase.values.Role.*;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Closure (domain brief, section 4): a resolved case is closed, and reopened when the customer complains again about
 * the same matter; an open case may be withdrawn by the customer. A case that ends has its clocks stopped.
 */
public final class Closure {

    private Closure() {
    }

    public static void close(CaseState c, CloseComplaint command, SlaClocks clocks) {
        requireRole(command.actor(), "close a complaint", HANDLER, SUPERVISOR);
        requireStatus(c, "close", RESOLVED);
        requireAssignedHandlerIfHandler(c, command.actor());
        apply(new ComplaintClosed(c.complaintId(), command.note(), command.actor()));
        clocks.cancelRunning();
    }

    public static void reopen(CaseState c, ReopenComplaint command) {
        requireRole(command.actor(), "reopen a complaint", INTAKE, SUPERVISOR);
        if (c.status() != CLOSED) {
            refuseStatus(c, "reopen", List.of(CLOSED), c.isOpen() ? null : c.status());
        }
        apply(new ComplaintReopened(c.complaintId(), command.reason(), command.actor()));
    }

    public static void withdraw(CaseState c, WithdrawComplaint command, SlaClocks clocks) {
        requireRole(command.actor(), "withdraw a complaint", INTAKE, HANDLER);
        requireOpen(c);
        requireAssignedHandlerIfHandler(c, command.actor());
        apply(new ComplaintWithdrawn(c.complaintId(), command.reason(), command.actor()));
        clocks.cancelRunning();
    }
}
