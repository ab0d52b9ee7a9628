package com.complaintcase.values;

import static com.complaintcase.values.Category.*;

/** The second level of the category tree; each belongs to exactly one category. */
public enum Subcategory {
    UNFAMILIAR_WITH_BUSINESS(PERSONNEL_SERVICE),
    POOR_ATTITUDE(PERSONNEL_SERVICE),
    INSUFFICIENT_STAFFING(PERSONNEL_SERVICE),
    POOR_COMMUNICATION(PERSONNEL_SERVICE),
    THIRD_PARTY_MIS_SELLING(PERSONNEL_SERVICE),

    OPERATION_ERROR(BUSINESS_ERROR),
    WRONG_FEE(BUSINESS_ERROR),
    SYSTEM_ERROR(BUSINESS_ERROR),
    PROMISE_NOT_HONOURED(BUSINESS_ERROR),

    CASH_WITHDRAWAL_LIMIT(RULES_AND_POLICY),
    SERVICE_CHARGE(RULES_AND_POLICY),
    OTHER_RULE(RULES_AND_POLICY),

    SMS_NOTIFICATION(HARDWARE_AND_CHANNELS),
    MOBILE_BANKING(HARDWARE_AND_CHANNELS),
    ONLINE_BANKING(HARDWARE_AND_CHANNELS),
    ATM_OR_SELF_SERVICE(HARDWARE_AND_CHANNELS),
    BRANCH_ENVIRONMENT(HARDWARE_AND_CHANNELS),

    ELDERLY_OR_DISABLED(SPECIAL_GROUPS),
    ETHNIC_MINORITY(SPECIAL_GROUPS),
    VIP_OR_PRIVILEGED(SPECIAL_GROUPS),
    MENTAL_HEALTH(SPECIAL_GROUPS);

    private final Category category;

    Subcategory(Category category) {
        this.category = category;
    }

    public Category category() {
        return category;
    }

    public boolean belongsTo(Category candidate) {
        return category == candidate;
    }
}
