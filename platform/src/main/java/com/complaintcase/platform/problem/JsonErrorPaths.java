package com.complaintcase.platform.problem;

import com.complaintcase.values.Excerpt;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Names the JSON field a request body's binding failed on, from the web layer's Jackson exception. */
final class JsonErrorPaths {

    private JsonErrorPaths() {
    }

    static String fieldOf(Throwable e) {
        DatabindException databind = ApiExceptionHandler.causeOfType(e, DatabindException.class);
        if (databind == null || databind.getPath() == null || databind.getPath().isEmpty()) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        databind.getPath().forEach(reference -> {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        });
        return path.isEmpty() ? null : path.toString();
    }

    static String reasonOf(Throwable e) {
        StrictJson.TextRefused text = ApiExceptionHandler.causeOfType(e, StrictJson.TextRefused.class);
        if (text != null) {
            return text.reason();
        }
        InvalidFormatException format = ApiExceptionHandler.causeOfType(e, InvalidFormatException.class);
        if (format != null && format.getTargetType() != null && format.getTargetType().isEnum()) {
            String allowed = Arrays.stream(format.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", "));
            return "must be one of " + allowed;
        }
        if (format != null) {
            return "has an invalid value '" + Excerpt.of(format.getValue()) + "'";
        }
        MismatchedInputException mismatch = ApiExceptionHandler.causeOfType(e, MismatchedInputException.class);
        if (mismatch != null && mismatch.getTargetType() == Instant.class) {
            return "must be an ISO-8601 instant in UTC such as 2026-11-20T09:15:00Z";
        }
        if (mismatch != null && mismatch.getTargetType() != null) {
            return "must be a " + mismatch.getTargetType().getSimpleName();
        }
        return "is invalid";
    }
}
