package com.complaintcase.values;

/** The moment a clock counts from. */
public enum ClockStart {
    /** When the bank received the complaint. */
    RECEIPT,
    /** When the complaint was entered into the system. */
    REGISTRATION,
    /** When the case reached the unit that holds it (its registration, or its latest transfer); checked at a transfer. */
    ARRIVAL,
    /** When the case was transferred: started by each transfer, replacing the previous one's. */
    TRANSFER,
    /** From registration, started only when the initial review accepts the case at branch level. */
    BRANCH_REVIEW;

    /** The clocks the registration itself schedules. */
    public boolean startsAtRegistration() {
        return this == RECEIPT || this == REGISTRATION;
    }
}
