package com.complaintcase.query.statistics.counting;

import com.complaintcase.values.Responsibility;

/** The responsibility a counted case is classed by: the latest findings', or undetermined before any. */
public enum CountedResponsibility {
    LIABLE, NOT_LIABLE, SHARED, UNDETERMINED;

    public static CountedResponsibility of(Responsibility responsibility) {
        return responsibility == null ? UNDETERMINED : valueOf(responsibility.name());
    }
}
