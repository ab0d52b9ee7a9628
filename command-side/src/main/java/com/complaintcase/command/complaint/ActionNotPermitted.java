package com.complaintcase.command.complaint;

/** The actor's role, or their relation to the case, does not allow the command. */
public final class ActionNotPermitted extends ComplaintRefused {

    public ActionNotPermitted(RefusalCode code, String detail) {
        super(code, detail);
    }
}
