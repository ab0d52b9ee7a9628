package com.complaintcase.command.api;

import com.complaintcase.values.InvalidValueException;

import java.util.function.Supplier;

/** Makes a value type's refusal name the request field it came from (e.g. toUnit, not branchCode). */
final class Fields {

    private Fields() {
    }

    static <T> T named(String field, Supplier<T> value) {
        try {
            return value.get();
        } catch (InvalidValueException e) {
            throw new InvalidValueException(field, e.reason());
        }
    }
}
