package com.complaintcase.values;

/** The step of a case that meets a clock. */
public enum SlaStep {
    FIRST_CONTACT,
    HANDLER_ASSIGNED,
    RESOLUTION_PROPOSED,
    RESOLUTION_ACCEPTED
}
