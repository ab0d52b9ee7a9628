package com.complaintcase.values;

/** The moment a clock counts from. */
public enum ClockStart {
    /** When the bank received the complaint. */
    RECEIPT,
    /** When the complaint was entered into the system. */
    REGISTRATION
}
