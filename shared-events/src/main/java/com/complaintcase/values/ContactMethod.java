package com.complaintcase.values;

/** How the customer was contacted. */
public enum ContactMethod {
    PHONE, EMAIL, LETTER, VISIT, SMS
}
