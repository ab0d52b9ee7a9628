package com.complaintcase.command.complaint;

import com.complaintcase.casemodel.CaseState;
import com.complaintcase.values.Actor;
import com.complaintcase.values.ComplaintStatus;
import com.complaintcase.values.Role;

import java.util.Arrays;
import java.util.List;

import static com.complaintcase.values.ComplaintStatus.*;
import static com.complaintcase.values.Role.HANDLER;

/** The rules every capability asks before it decides: who may act, and in which of the case's statuses. */
public final class CaseRules {

    private CaseRules() {
    }

    public static void requireRole(Actor actor, String action, Role... allowed) {
        if (Arrays.stream(allowed).noneMatch(actor::is)) {
            throw new ActionNotPermitted(RefusalCode.ROLE_NOT_ALLOWED,
                    "role " + actor.role() + " may not " + action + "; allowed: " + Arrays.toString(allowed));
        }
    }

    public static void requireOpen(CaseState c) {
        if (!c.isOpen()) {
            refuseStatus(c, null, List.of(), c.status());
        }
    }

    public static void requireStatus(CaseState c, String action, ComplaintStatus... allowed) {
        List<ComplaintStatus> permitted = List.of(allowed);
        if (!permitted.contains(c.status())) {
            refuseStatus(c, action, permitted, c.isOpen() ? null : c.status());
        }
    }

    /** Refused for the status: a finished case says how it finished, an open one what it must be. */
    public static void refuseStatus(CaseState c, String action, List<ComplaintStatus> permitted, ComplaintStatus terminal) {
        if (terminal == CLOSED) {
            throw new StateConflict(RefusalCode.COMPLAINT_CLOSED, "complaint " + c.complaintId() + " is closed");
        }
        if (terminal == WITHDRAWN) {
            throw new StateConflict(RefusalCode.COMPLAINT_WITHDRAWN, "complaint " + c.complaintId() + " was withdrawn");
        }
        if (terminal == NOT_A_COMPLAINT) {
            throw new StateConflict(RefusalCode.COMPLAINT_NOT_A_COMPLAINT,
                    "complaint " + c.complaintId() + " was found not to be a complaint");
        }
        throw new StateConflict(RefusalCode.INVALID_STATUS,
                "cannot " + action + " a case in status " + c.status() + "; it must be " + permitted);
    }

    public static void requireAssignedHandler(CaseState c, Actor actor) {
        if (!c.isHandledBy(actor.userId())) {
            throw new ActionNotPermitted(RefusalCode.NOT_ASSIGNED_HANDLER,
                    actor.userId() + " is not the handler of complaint " + c.complaintId()
                            + (c.handlerId() == null ? " (no handler is assigned)" : ""));
        }
    }

    /** A handler acts on their own cases only; the other roles allowed on any. */
    public static void requireAssignedHandlerIfHandler(CaseState c, Actor actor) {
        if (actor.is(HANDLER)) {
            requireAssignedHandler(c, actor);
        }
    }
}
