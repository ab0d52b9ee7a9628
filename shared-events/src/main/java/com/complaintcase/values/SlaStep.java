package com.complaintcase.values;

/** The step of a case that meets a clock. */
public enum SlaStep {
    FIRST_CONTACT,
    /** The case was transferred to another unit. */
    TRANSFERRED,
    HANDLER_ASSIGNED,
    RESOLUTION_PROPOSED,
    RESOLUTION_ACCEPTED
}
