package com.complaintcase.values;

import java.util.Optional;

/** The escalation ladder: branch, first-level branch, head-office service supervision, regulator report. */
public enum HandlingLevel {
    BRANCH,
    FIRST_LEVEL_BRANCH,
    HEAD_OFFICE,
    REGULATOR_REPORTED;

    /** The level one step up, or empty at the top. */
    public Optional<HandlingLevel> next() {
        return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
    }

    public boolean isBelow(HandlingLevel other) {
        return ordinal() < other.ordinal();
    }
}
