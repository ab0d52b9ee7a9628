package com.complaintcase.values;

/** A value type refused its input; {@code field} names what was wrong so an API can point at it. */
public class InvalidValueException extends IllegalArgumentException {

    private final String field;

    public InvalidValueException(String field, String message) {
        super(field + " " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public String reason() {
        String message = getMessage();
        return message.substring(Math.min(message.length(), field.length() + 1));
    }
}
