package com.complaintcase.values;

/** The clocks a case runs against (domain brief, section 6). */
public enum SlaClock {
    /** Enter into the system after receipt. */
    ENTRY,
    /** First contact with the customer after registration. */
    FIRST_CONTACT,
    /** Decide and inform the customer (the regulator's outer limit), extendable within the policy. */
    RESOLUTION
}
