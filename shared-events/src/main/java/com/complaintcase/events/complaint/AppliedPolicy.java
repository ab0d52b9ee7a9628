package com.complaintcase.events.complaint;

import java.time.Duration;
import java.util.List;

/**
 * The policy values a case was registered under, recorded with it so that a regulator sees which
 * limits applied without consulting the bank's configuration of the day: the policy pack's name and version,
 * the calendar's jurisdiction, the clocks the case runs and how its deadline may be extended ({@code extension}
 * null: not at all).
 */
public record AppliedPolicy(
        String name,
        int version,
        Duration entryLimit,
        Duration firstContactLimit,
        Duration resolutionLimit,
        Duration maxExtension,
        String jurisdiction,
        List<AppliedClock> clocks,
        AppliedExtension extension) {

    public AppliedPolicy {
        clocks = clocks == null ? List.of() : List.copyOf(clocks);
    }

    /** The values alone, without the pack's clocks (a case registered before policy packs). */
    public AppliedPolicy(String name, int version, Duration entryLimit, Duration firstContactLimit,
                         Duration resolutionLimit, Duration maxExtension) {
        this(name, version, entryLimit, firstContactLimit, resolutionLimit, maxExtension, null, List.of(), null);
    }
}
