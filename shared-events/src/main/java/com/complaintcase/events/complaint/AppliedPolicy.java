package com.complaintcase.events.complaint;

import java.time.Duration;

/**
 * The policy values a case was registered under, recorded with it so that a regulator sees which
 * limits applied without consulting the bank's configuration of the day.
 */
public record AppliedPolicy(
        String name,
        int version,
        Duration entryLimit,
        Duration firstContactLimit,
        Duration resolutionLimit,
        Duration maxExtension) {
}
