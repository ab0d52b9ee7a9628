package com.complaintcase.command.complaint;

import com.complaintcase.events.complaint.AppliedPolicy;

import java.time.Duration;

/**
 * The configurable limits a case is registered under (domain brief, section 6). The defaults are
 * the procedures' numbers; a bank changes them in configuration, and each case records the values
 * it was registered with.
 */
public record ComplaintPolicy(
        String name,
        int version,
        Duration entryLimit,
        Duration firstContactLimit,
        Duration resolutionLimit,
        Duration maxExtension,
        Duration receiptClockSkew) {

    public static final ComplaintPolicy DEFAULT = new ComplaintPolicy(
            "BANK_INTERNAL", 1,
            Duration.ofHours(24), Duration.ofHours(48),
            Duration.ofDays(15), Duration.ofDays(15),
            Duration.ofMinutes(5));

    public ComplaintPolicy {
        requirePositive("entryLimit", entryLimit);
        requirePositive("firstContactLimit", firstContactLimit);
        requirePositive("resolutionLimit", resolutionLimit);
        if (maxExtension == null || maxExtension.isNegative()) {
            throw new IllegalArgumentException("maxExtension must not be negative");
        }
        if (receiptClockSkew == null || receiptClockSkew.isNegative()) {
            throw new IllegalArgumentException("receiptClockSkew must not be negative");
        }
        if (name == null || name.isBlank() || version < 1) {
            throw new IllegalArgumentException("a policy needs a name and a version of 1 or more");
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive duration");
        }
    }

    public AppliedPolicy applied() {
        return new AppliedPolicy(name, version, entryLimit, firstContactLimit, resolutionLimit, maxExtension);
    }
}
