package com.complaintcase.command.api;

import com.complaintcase.values.InvalidValueException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/** Turns request fields into domain values: refusals name the request field (toUnit, not branchCode). */
public final class Fields {

    private Fields() {
    }

    /** Instants are kept to the microsecond, the precision the stores keep. */
    public static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    public static <T> T named(String field, Supplier<T> value) {
        try {
            return value.get();
        } catch (InvalidValueException e) {
            throw new InvalidValueException(field, e.reason());
        }
    }
}
