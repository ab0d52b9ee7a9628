package com.complaintcase.values;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/** The bank's own customer number. Not personal data by itself: analytics may count by it. */
public record CustomerId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    public CustomerId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidValueException("customerId", "must be 1-64 letters, digits, '.', '_' or '-'");
        }
    }

    @JsonCreator
    public static CustomerId of(String value) {
        return new CustomerId(value);
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
