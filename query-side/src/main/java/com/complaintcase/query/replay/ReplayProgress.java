package com.complaintcase.query.replay;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Where a projection stands: {@code LIVE} when following the event stream, {@code REPLAYING} while
 * being rebuilt, {@code COMPLETED} once a rebuild has caught up. Positions are global event indexes.
 */
public record ReplayProgress(
        String projection,
        State state,
        long processed,
        long total,
        BigDecimal percent,
        BigDecimal eventsPerSecond,
        Instant startedAt,
        Instant completedAt,
        int segments) {

    public enum State { LIVE, REPLAYING, COMPLETED }
}
