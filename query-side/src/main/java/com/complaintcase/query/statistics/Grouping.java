package com.complaintcase.query.statistics;

import com.complaintcase.values.InvalidValueException;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a statistic can be grouped by, with the contract's parameter names. Category, subcategory, root issue and
 * channel are the registration's, the branch the registering branch; the level is the level the case stood at.
 */
public enum Grouping {
    CATEGORY("category"),
    SUBCATEGORY("subcategory"),
    ROOT_ISSUE("rootIssue"),
    BRANCH_CODE("branchCode"),
    CHANNEL("channel"),
    LEVEL("level");

    private final String parameter;

    Grouping(String parameter) {
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    /** The grouping a parameter names; {@code fallback} when it is absent (null: no grouping). */
    public static Grouping parse(String parameter, Grouping fallback) {
        if (parameter == null || parameter.isBlank()) {
            return fallback;
        }
        return Arrays.stream(values())
                .filter(grouping -> grouping.parameter.equals(parameter.trim()))
                .findFirst()
                .orElseThrow(() -> new InvalidValueException("groupBy", "must be one of "
                        + Arrays.stream(values()).map(g -> g.parameter).collect(Collectors.joining(", "))));
    }
}
