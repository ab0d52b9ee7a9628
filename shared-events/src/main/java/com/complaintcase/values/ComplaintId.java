package com.complaintcase.values;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** A complaint case's identity: a UUID, chosen by the client or generated at registration. */
public record ComplaintId(String value) {

    private static final Pattern FORMAT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public ComplaintId {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("complaintId", "must not be blank");
        }
        if (!FORMAT.matcher(value).matches()) {
            throw new InvalidValueException("complaintId", "must be a UUID such as 3f2b8c1e-6d4a-4b7e-9c1a-2e5f8d9b0a11");
        }
        value = value.toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ComplaintId of(String value) {
        return new ComplaintId(value);
    }

    public static ComplaintId random() {
        return new ComplaintId(UUID.randomUUID().toString());
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
