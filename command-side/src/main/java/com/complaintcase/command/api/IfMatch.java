package com.complaintcase.command.api;

import com.complaintcase.values.InvalidValueException;

/** Reads the case version a client expects from its {@code If-Match} header ({@code "3"}, or {@code *} for any). */
final class IfMatch {

    private IfMatch() {
    }

    static Long version(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        String value = header.trim();
        if (value.startsWith("W/")) {
            throw new InvalidValueException("If-Match", "must be a strong entity tag such as \"3\"");
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            long version = Long.parseLong(value);
            if (version < 0) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw new InvalidValueException("If-Match", "must be a case version such as \"3\"");
        }
    }
}
