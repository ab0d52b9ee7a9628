package com.complaintcase.values;

/** How a complaint reached the bank (受理形式). */
public enum Channel {
    PHONE, LETTER, VISIT, FAX, EMAIL, ONLINE, MOBILE_APP,
    REGULATOR, INDUSTRY_ASSOCIATION, CONSUMER_ASSOCIATION, MEDIA,
    OTHER;

    /** Forwarded from outside the bank: counts as a formal complaint and weighs more. */
    public boolean isOutside() {
        return this == REGULATOR || this == INDUSTRY_ASSOCIATION || this == CONSUMER_ASSOCIATION || this == MEDIA;
    }
}
