package com.complaintcase.values;

/** What the customer asks for. */
public enum RemedyType {
    APOLOGY, EXPLANATION, REFUND, COMPENSATION, OTHER;

    public boolean involvesMoney() {
        return this == REFUND || this == COMPENSATION;
    }
}
