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

    /**
     * Whether this role may read customer personal data (name, phone, email, free text): everyone who handles,
     * audits or supervises cases; never an analytics consumer (domain brief, sections 1 and 9). The system reads
     * nothing on anyone's behalf.
     */
    public boolean readsPersonalData() {
        return this == INTAKE || this == HANDLER || this == SUPERVISOR || this == COMPLIANCE || this == REGULATOR;
    }

    /** A role a person can sign in with; {@link #SYSTEM} is only ever the service itself. */
    public boolean isPersonal() {
        return this != SYSTEM;
    }
}
