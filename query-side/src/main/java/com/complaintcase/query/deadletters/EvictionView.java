package com.complaintcase.query.deadletters;

import java.time.Instant;
import java.util.List;

/** A recorded eviction: the parked events it removed were never applied to the projection. */
public record EvictionView(String id, String projection, String sequenceId, String evictedBy, String role,
                           Instant evictedAt, String reason, List<EvictedEvent> events) {

    public record EvictedEvent(String eventIdentifier, String eventType, Long eventSequence, Long globalPosition,
                               String errorClass) {
    }
}
