package com.complaintcase.query.history;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Every event of one case, in order, as the event store holds it. */
public record CaseHistory(String complaintId, List<Entry> events) {

    public record Entry(long sequence, String type, Instant recordedAt, Actor actor, String correlationId,
                        String causationId, String eventId, Map<String, Object> payload) {
    }

    public record Actor(String userId, String role) {
    }

    /**
     * Ask for the history of one case. {@code viewer} is who asks: the events carry personal data, so a viewer whose
     * role may not read it (or none) is refused.
     */
    public record Find(String complaintId, com.complaintcase.values.Actor viewer) {
    }
}
