package com.complaintcase.values;

/**
 * The clocks a case runs against (domain brief, section 6). Which of them a case runs is decided by the policy pack
 * it is registered under; {@link #ENTRY} is the only one derived rather than scheduled.
 */
public enum SlaClock {
    /** Enter into the system after receipt. */
    ENTRY,
    /** First contact with the customer after registration. */
    FIRST_CONTACT,
    /** Decide and inform the customer (the regulator's outer limit), extendable within the policy. */
    RESOLUTION,
    /** The branch's reply to a complaint passed to it (bank internal). */
    BRANCH_REPLY,
    /** Bank internal: a complaint the unit cannot handle forwarded within the limit of its arrival there. */
    FORWARD,
    /** Bank internal: the receiving unit starts work (assigns a handler) after a transfer. */
    START_WORK,
    /** Incident mode: someone on site. */
    INCIDENT_ON_SITE,
    /** Incident mode: the customer answered. */
    INCIDENT_CUSTOMER_ANSWERED,
    /** Incident mode: the result reported. */
    INCIDENT_RESULT_REPORTED,
    /** UK FCA: a summary resolution by close of the third business day. */
    SUMMARY_RESOLUTION,
    /** UK FCA: the final response. */
    FINAL_RESPONSE,
    /** US CFPB: the company's response. */
    RESPONSE
}
