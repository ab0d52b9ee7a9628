package com.complaintcase.query.cases;

/** The contract's deadline states. */
public enum DeadlineState {
    RUNNING, MET, BREACHED, STOPPED
}
