package com.complaintcase.values;

/** The status names of the API contract. */
public enum ComplaintStatus {
    REGISTERED,
    ACCEPTED,
    ASSIGNED,
    IN_PROGRESS,
    RESOLUTION_PROPOSED,
    RESOLVED,
    CLOSED,
    NOT_A_COMPLAINT,
    WITHDRAWN;

    /** Open means any status but CLOSED, NOT_A_COMPLAINT and WITHDRAWN. */
    public boolean isOpen() {
        return this != CLOSED && this != NOT_A_COMPLAINT && this != WITHDRAWN;
    }
}
