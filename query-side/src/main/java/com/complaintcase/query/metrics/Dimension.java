package com.complaintcase.query.metrics;

import com.complaintcase.values.InvalidValueException;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What a metric can be grouped by, with the contract's parameter names. */
public enum Dimension {
    MONTH("month"),
    QUARTER("quarter"),
    CATEGORY("category"),
    SUBCATEGORY("subcategory"),
    ROOT_ISSUE("rootIssue"),
    BRANCH_CODE("branchCode"),
    CHANNEL("channel"),
    HANDLER_ID("handlerId"),
    LEVEL("level");

    private final String parameter;

    Dimension(String parameter) {
        this.parameter = parameter;
    }

    public static Dimension parse(String parameter) {
        return Arrays.stream(values())
                .filter(dimension -> dimension.parameter.equals(parameter))
                .findFirst()
                .orElseThrow(() -> new InvalidValueException("groupBy", "must be one of "
                        + Arrays.stream(values()).map(d -> d.parameter).collect(Collectors.joining(", "))));
    }

    static String month(Instant at) {
        ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
        return String.format("%04d-%02d", utc.getYear(), utc.getMonthValue());
    }

    static String quarter(Instant at) {
        ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
        return utc.getYear() + "-Q" + ((utc.getMonthValue() - 1) / 3 + 1);
    }
}
