package com.complaintcase.values;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The customer's answer to the satisfaction survey, 1 (very dissatisfied) to 5 (very satisfied). */
public record SatisfactionScore(int value) {

    public static final int MIN = 1;
    public static final int MAX = 5;
    /** The lowest score counted as satisfied. */
    public static final int SATISFIED_FROM = 4;

    public SatisfactionScore {
        if (value < MIN || value > MAX) {
            throw new InvalidValueException("score", "must be between " + MIN + " and " + MAX);
        }
    }

    @JsonCreator
    public static SatisfactionScore of(int value) {
        return new SatisfactionScore(value);
    }

    public boolean isSatisfied() {
        return value >= SATISFIED_FROM;
    }

    @JsonValue
    @Override
    public int value() {
        return value;
    }
}
