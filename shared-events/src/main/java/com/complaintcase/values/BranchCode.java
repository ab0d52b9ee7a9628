package com.complaintcase.values;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/** A unit of the bank (branch, first-level branch, head-office department), e.g. {@code BR-0101}. */
public record BranchCode(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,31}");

    public BranchCode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidValueException("branchCode", "must be 2-32 upper-case letters, digits or '-', e.g. BR-0101");
        }
    }

    @JsonCreator
    public static BranchCode of(String value) {
        return new BranchCode(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
