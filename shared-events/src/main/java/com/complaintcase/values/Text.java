package com.complaintcase.values;

/** Checks for free-text fields shared by events and commands: trimmed, bounded, required or not. */
public final class Text {

    private Text() {
    }

    public static String required(String field, String value, int maxLength) {
        String trimmed = optional(field, value, maxLength);
        if (trimmed == null) {
            throw new InvalidValueException(field, "is required");
        }
        return trimmed;
    }

    public static String optional(String field, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        if (trimmed.length() > maxLength) {
            throw new InvalidValueException(field, "must be at most " + maxLength + " characters");
        }
        return trimmed;
    }
}
