package com.complaintcase.command.complaint;

/** The case's status does not allow the command (e.g. the case is closed). */
public final class StateConflict extends ComplaintRefused {

    public StateConflict(RefusalCode code, String detail) {
        super(code, detail);
    }
}
