package com.complaintcase.values;

/** The roles of the domain brief's section 1, plus the system itself for automatic steps. */
public enum Role {
    INTAKE,
    HANDLER,
    SUPERVISOR,
    COMPLIANCE,
    REGULATOR,
    ANALYST,
    SYSTEM;

    /** Roles that take part in handling cases (as opposed to reading them). */
    public boolean handlesCases() {
        return this == INTAKE || this == HANDLER || this == SUPERVISOR || this == SYSTEM;
    }
}
