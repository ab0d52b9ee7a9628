package com.complaintcase.command.complaint;

/**
 * A command the case refused. Each subtype says why in HTTP terms; {@link #code()} is the stable,
 * machine-readable reason clients and the acceptance suite rely on.
 */
public abstract sealed class ComplaintRefused extends RuntimeException
        permits ActionNotPermitted, StateConflict, BusinessRuleViolation {

    private final RefusalCode code;

    protected ComplaintRefused(RefusalCode code, String detail) {
        super(detail);
        this.code = code;
    }

    public RefusalCode code() {
        return code;
    }
}
