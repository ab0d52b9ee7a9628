package com.complaintcase.values;

/** The initial review's answer: a complaint, or an inquiry that is not one. */
public enum ReviewOutcome {
    ACCEPTED, NOT_A_COMPLAINT
}
