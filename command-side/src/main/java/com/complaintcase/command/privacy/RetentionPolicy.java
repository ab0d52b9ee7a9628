package com.complaintcase.command.privacy;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Map;

/**
 * How long a finished case's record must be kept before its customer's personal data may be erased, per
 * jurisdiction, counted from the case's closure or withdrawal. A jurisdiction without a period of its own gets the
 * longest one configured: never shorter than the law of any jurisdiction the bank works under.
 */
public final class RetentionPolicy {

    /** UK: FCA DISP 1.9.2R, 3 years (5 for MiFID business); CN: 5 years; US: 2 years (Reg E/Reg Z records). */
    public static final Map<String, Period> DEFAULTS = Map.of("UK", Period.ofYears(3), "CN", Period.ofYears(5),
            "US", Period.ofYears(2));

    private final Map<String, Period> periods;
    private final Period longest;

    public RetentionPolicy(Map<String, Period> periods) {
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("at least one retention period is required");
        }
        periods.forEach((jurisdiction, period) -> {
            if (period.isNegative()) {
                throw new IllegalArgumentException("the retention period of " + jurisdiction + " is negative");
            }
        });
        this.periods = Map.copyOf(periods);
        this.longest = periods.values().stream()
                .max(Comparator.comparing(period -> Instant.EPOCH.atOffset(ZoneOffset.UTC).plus(period).toInstant()))
                .orElseThrow();
    }

    /** The moment the record of a finished case may go. */
    public Instant retainedUntil(CaseRetention finished) {
        Period period = finished.jurisdiction() == null ? longest : periods.getOrDefault(finished.jurisdiction(), longest);
        return finished.finishedAt().atOffset(ZoneOffset.UTC).plus(period).toInstant();
    }
}
