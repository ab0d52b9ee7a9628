package com.complaintcase.command.complaint;

/** A business rule refused the command (e.g. four eyes, a late entry without a reason). */
public final class BusinessRuleViolation extends ComplaintRefused {

    public BusinessRuleViolation(RefusalCode code, String detail) {
        super(code, detail);
    }
}
