package com.complaintcase.values;

/** The first level of the casebook's category tree. */
public enum Category {
    PERSONNEL_SERVICE,
    BUSINESS_ERROR,
    RULES_AND_POLICY,
    HARDWARE_AND_CHANNELS,
    SPECIAL_GROUPS
}
